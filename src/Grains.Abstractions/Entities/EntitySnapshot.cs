using AgentOps.Alerts;

namespace AgentOps.Entities;

/// <summary>The live state of one agent, route or user over one window.</summary>
[GenerateSerializer, Immutable, Alias("agentops.entity-snapshot")]
public sealed record EntitySnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required EntityKind Kind { get; init; }
    [Id(2)] public required TimeSpan Window { get; init; }
    [Id(3)] public DateTimeOffset? LastEventAt { get; init; }
    [Id(4)] public required MetricsView Metrics { get; init; }
    [Id(5)] public required IReadOnlyDictionary<string, ModelUsageView> ByModel { get; init; }
    [Id(6)] public required IReadOnlyDictionary<string, ToolUsageView> ByTool { get; init; }
    /// <summary>The entity's open alerts and its most recently resolved ones.</summary>
    [Id(7)] public IReadOnlyList<AlertView> Alerts { get; init; } = [];

    /// <summary>Alerts firing now.</summary>
    public int FiringAlerts => Alerts.Count(a => a.State == AlertState.Firing);
}
