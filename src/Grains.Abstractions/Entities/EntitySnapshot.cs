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
}
