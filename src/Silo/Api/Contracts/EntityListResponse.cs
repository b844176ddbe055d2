using AgentOps.Entities;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>A page of entities (<c>GET /v1/agents</c> and friends); <see cref="Next"/> is the cursor of the next page.</summary>
public sealed record EntityListResponse(IReadOnlyList<EntityListItem> Items, string? Next);

/// <summary>One entity of a list.</summary>
public sealed record EntityListItem(string Id, DateTimeOffset? LastEventAt, MetricsView Metrics, int FiringAlerts);
