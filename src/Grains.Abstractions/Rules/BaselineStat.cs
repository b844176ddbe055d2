namespace AgentOps.Rules;

/// <summary>The statistic of a metric's hourly values that a baseline rule compares against.</summary>
[GenerateSerializer]
public enum BaselineStat : byte
{
    /// <summary>The middle value.</summary>
    Median,
    /// <summary>The average.</summary>
    Mean,
    /// <summary>The 90th percentile.</summary>
    P90,
}
