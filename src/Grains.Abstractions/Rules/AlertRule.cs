using AgentOps.Entities;

namespace AgentOps.Rules;

/// <summary>An alert rule of a project (API.md "Alert rules").</summary>
[GenerateSerializer, Immutable, Alias("agentops.rule")]
public sealed record AlertRule
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>The kind of entity the rule judges.</summary>
    [Id(1)] public EntityKind Scope { get; init; } = EntityKind.Agent;
    /// <summary>A glob over entity ids.</summary>
    [Id(2)] public string Match { get; init; } = "*";
    /// <summary>A live-state metric name, or <c>toolDrift</c>.</summary>
    [Id(3)] public required string Metric { get; init; }
    [Id(4)] public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
    [Id(5)] public ComparisonOp Op { get; init; } = ComparisonOp.GreaterThan;
    /// <summary>The fixed threshold; ignored (except for toolDrift) when <see cref="Baseline"/> is set.</summary>
    [Id(6)] public double? Threshold { get; init; }
    [Id(7)] public RuleBaseline? Baseline { get; init; }
    /// <summary>How long the condition must hold before the alert fires.</summary>
    [Id(8)] public TimeSpan For { get; init; }
    /// <summary>The least calls, runs or evals (as the metric needs) in the window for the rule to judge.</summary>
    [Id(9)] public int MinSamples { get; init; }
    [Id(10)] public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;
    [Id(11)] public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    [Id(12)] public IReadOnlyList<string> Channels { get; init; } = [];
    /// <summary>When the rule was last written.</summary>
    [Id(13)] public DateTimeOffset UpdatedAt { get; init; }
}
