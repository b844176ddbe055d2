using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>The live state of an agent, route or user (<c>GET /v1/agents/{agentId}</c> and friends).</summary>
public sealed record EntityStateResponse(
    string Id,
    string Kind,
    string Window,
    DateTimeOffset? LastEventAt,
    MetricsView Metrics,
    IReadOnlyDictionary<string, ModelUsageView> ByModel,
    IReadOnlyDictionary<string, ToolUsageView> ByTool,
    IReadOnlyList<AlertResponse> Alerts)
{
    /// <summary>The response, naming the window as the request did (<c>24h</c> stays <c>24h</c>).</summary>
    public static EntityStateResponse From(EntitySnapshot s, string? requestedWindow) =>
        new(s.Id, s.Kind.ToWire(), requestedWindow ?? Durations.Format(s.Window), s.LastEventAt, s.Metrics, s.ByModel, s.ByTool,
            s.Alerts.Select(AlertResponse.From).ToList());
}
