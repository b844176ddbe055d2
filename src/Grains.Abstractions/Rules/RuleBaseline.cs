namespace AgentOps.Rules;

/// <summary>
/// Makes a rule's threshold relative: <see cref="Factor"/> x <see cref="Stat"/> of the metric's hourly values over
/// <see cref="Window"/>, hours without samples skipped and the rule's current window excluded. For <c>toolDrift</c>,
/// the window is the reference tool mix instead, and the rule's own threshold applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.rule-baseline")]
public sealed record RuleBaseline
{
    [Id(0)] public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);
    [Id(1)] public BaselineStat Stat { get; init; } = BaselineStat.Median;
    [Id(2)] public double Factor { get; init; } = 1.0;
    /// <summary>Fewer hours with samples than this and the rule does not judge.</summary>
    [Id(3)] public int MinPoints { get; init; } = 3;
}
