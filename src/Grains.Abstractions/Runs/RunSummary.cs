namespace AgentOps.Runs;

/// <summary>A run with its totals over all of its events.</summary>
[GenerateSerializer, Immutable, Alias("agentops.run-summary")]
public sealed record RunSummary
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string AgentId { get; init; }
    [Id(2)] public string? RouteId { get; init; }
    [Id(3)] public string? UserId { get; init; }
    [Id(4)] public RunStatus Status { get; init; }
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(7)] public double CostUsd { get; init; }
    [Id(8)] public long InputTokens { get; init; }
    [Id(9)] public long OutputTokens { get; init; }
    [Id(10)] public long ToolCalls { get; init; }
    [Id(11)] public long Violations { get; init; }
    [Id(12)] public long LlmCalls { get; init; }
    [Id(13)] public long Retries { get; init; }
    [Id(14)] public long Errors { get; init; }
    [Id(15)] public long CachedInputTokens { get; init; }
}
