namespace AgentOps.Rules;

/// <summary>The metrics a rule may name: every live-state metric of API.md, and <see cref="ToolDrift"/>.</summary>
public static class MetricNames
{
    /// <summary>The Jensen-Shannon divergence between the tool mix of the window and that of the baseline window.</summary>
    public const string ToolDrift = "toolDrift";

    /// <summary>The live-state metrics, in the order of API.md.</summary>
    public static IReadOnlyList<string> LiveState { get; } =
    [
        "runsStarted", "runsFinished", "runsSucceeded", "runsFailed", "costUsd", "costPerRun", "costPerSuccessfulRun",
        "inputTokens", "outputTokens", "cachedInputTokens", "llmCalls", "toolCalls", "toolCallsPerRun",
        "retryRate", "errorRate", "evalCount", "evalScore", "evalPassRate", "violations", "unpricedCalls",
    ];

    /// <summary>Every name a rule accepts.</summary>
    public static IEnumerable<string> All => LiveState.Append(ToolDrift);

    public static bool IsKnown(string? metric) => metric == ToolDrift || (metric is not null && LiveState.Contains(metric));
}
