using AgentOps.Entities;
using AgentOps.Rules;

namespace AgentOps.Fleet;

/// <summary>One row of the fleet overview: an entity's last hour at a glance, with a small trend.</summary>
[GenerateSerializer, Immutable, Alias("agentops.entity-summary")]
public sealed record EntitySummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required EntityKind Kind { get; init; }
    [Id(2)] public DateTimeOffset? LastEventAt { get; init; }
    /// <summary>Cost over the last hour (the cost per hour).</summary>
    [Id(3)] public double CostPerHour { get; init; }
    [Id(4)] public double CostPerSuccessfulRun { get; init; }
    /// <summary>The median of the hourly cost per successful run over 7 days, the hour excluded; null without 3 hours of data.</summary>
    [Id(5)] public double? CostPerSuccessfulRunBaseline { get; init; }
    [Id(6)] public long Runs { get; init; }
    [Id(7)] public double RetryRate { get; init; }
    [Id(8)] public double ErrorRate { get; init; }
    [Id(9)] public double EvalScore { get; init; }
    [Id(10)] public long EvalCount { get; init; }
    [Id(11)] public long Violations { get; init; }
    [Id(12)] public int FiringAlerts { get; init; }
    /// <summary>The most severe firing alert, if any.</summary>
    [Id(13)] public AlertSeverity? TopSeverity { get; init; }
    /// <summary>Cost per 5 minutes over the last hour, oldest first (12 points).</summary>
    [Id(14)] public IReadOnlyList<double> CostTrend { get; init; } = [];
    [Id(15)] public DateTimeOffset UpdatedAt { get; init; }
}
