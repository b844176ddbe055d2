namespace AgentOps.Entities;

/// <summary>Use of one model in a window (<c>byModel</c>).</summary>
[GenerateSerializer, Immutable, Alias("agentops.model-usage")]
public sealed record ModelUsageView(
    [property: Id(0)] long Calls,
    [property: Id(1)] long InputTokens,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] long CachedInputTokens,
    [property: Id(4)] double CostUsd);
