using AgentOps.Entities;
using AgentOps.Rules;

namespace AgentOps.Alerts;

/// <summary>One alert of one rule on one entity (API.md "Alerts").</summary>
[GenerateSerializer, Immutable, Alias("agentops.alert")]
public sealed record AlertView
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string RuleId { get; init; }
    [Id(2)] public required EntityKind Scope { get; init; }
    [Id(3)] public required string EntityId { get; init; }
    [Id(4)] public required AlertState State { get; init; }
    [Id(5)] public required AlertSeverity Severity { get; init; }
    /// <summary>The metric's value at the last judgement.</summary>
    [Id(6)] public double Value { get; init; }
    /// <summary>The threshold at the last judgement.</summary>
    [Id(7)] public double Threshold { get; init; }
    /// <summary>When the condition began to hold.</summary>
    [Id(8)] public DateTimeOffset StartsAt { get; init; }
    [Id(9)] public DateTimeOffset? FiredAt { get; init; }
    [Id(10)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(11)] public string? AcknowledgedBy { get; init; }
    [Id(12)] public required string Summary { get; init; }
    [Id(13)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    [Id(14)] public IReadOnlyList<string> Channels { get; init; } = [];
    [Id(15)] public string? AckComment { get; init; }
    [Id(16)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(17)] public string Metric { get; init; } = string.Empty;
    /// <summary>Increases with every change, so a reader can drop a report older than one it already has.</summary>
    [Id(18)] public long Revision { get; init; }

    /// <summary>Pending or firing.</summary>
    public bool IsOpen => State != AlertState.Resolved;
}
