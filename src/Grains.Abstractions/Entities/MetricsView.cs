namespace AgentOps.Entities;

/// <summary>The live-state metrics of one entity over one window (API.md "Live state").</summary>
[GenerateSerializer, Immutable, Alias("agentops.metrics")]
public sealed record MetricsView
{
    [Id(0)] public long RunsStarted { get; init; }
    [Id(1)] public long RunsFinished { get; init; }
    [Id(2)] public long RunsSucceeded { get; init; }
    [Id(3)] public long RunsFailed { get; init; }
    [Id(4)] public double CostUsd { get; init; }
    [Id(5)] public double CostPerRun { get; init; }
    [Id(6)] public double CostPerSuccessfulRun { get; init; }
    [Id(7)] public long InputTokens { get; init; }
    [Id(8)] public long OutputTokens { get; init; }
    [Id(9)] public long CachedInputTokens { get; init; }
    [Id(10)] public long LlmCalls { get; init; }
    [Id(11)] public long ToolCalls { get; init; }
    [Id(12)] public double ToolCallsPerRun { get; init; }
    [Id(13)] public double RetryRate { get; init; }
    [Id(14)] public double ErrorRate { get; init; }
    [Id(15)] public long EvalCount { get; init; }
    [Id(16)] public double EvalScore { get; init; }
    [Id(17)] public double EvalPassRate { get; init; }
    [Id(18)] public long Violations { get; init; }
    [Id(19)] public long UnpricedCalls { get; init; }

    /// <summary>All zeros: the state of a window without events.</summary>
    public static MetricsView Empty { get; } = new();
}
