namespace AgentOps.Windows;

/// <summary>One model's use in one bucket.</summary>
[GenerateSerializer]
public struct ModelCounters
{
    [Id(0)] public int Calls;
    [Id(1)] public long InputTokens;
    [Id(2)] public long OutputTokens;
    [Id(3)] public long CachedInputTokens;
    [Id(4)] public long CostNanos;
}
