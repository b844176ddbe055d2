using AgentOps.Entities;

namespace AgentOps.Rules;

/// <summary>The four rules every project starts with (API.md); editable and removable.</summary>
public static class DefaultRules
{
    public static IReadOnlyList<AlertRule> Create(DateTimeOffset now) =>
    [
        new AlertRule
        {
            Id = "cost-per-successful-run-2x-median",
            Scope = EntityKind.Agent,
            Metric = "costPerSuccessfulRun",
            Window = TimeSpan.FromHours(1),
            Op = ComparisonOp.GreaterOrEqual,
            Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), Stat = BaselineStat.Median, Factor = 2.0, MinPoints = 3 },
            MinSamples = 5,
            Severity = AlertSeverity.Warning,
            UpdatedAt = now,
        },
        new AlertRule
        {
            Id = "retry-rate-above-20pct-10m",
            Scope = EntityKind.Agent,
            Metric = "retryRate",
            Window = TimeSpan.FromMinutes(10),
            Op = ComparisonOp.GreaterThan,
            Threshold = 0.2,
            For = TimeSpan.FromMinutes(10),
            MinSamples = 20,
            Severity = AlertSeverity.Warning,
            UpdatedAt = now,
        },
        new AlertRule
        {
            Id = "tool-outside-allowlist",
            Scope = EntityKind.Agent,
            Metric = "violations",
            Window = TimeSpan.FromMinutes(5),
            Op = ComparisonOp.GreaterThan,
            Threshold = 0,
            MinSamples = 1,
            Severity = AlertSeverity.Critical,
            UpdatedAt = now,
        },
        new AlertRule
        {
            Id = "eval-score-drop",
            Scope = EntityKind.Agent,
            Metric = "evalScore",
            Window = TimeSpan.FromHours(1),
            Op = ComparisonOp.LessThan,
            Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), Stat = BaselineStat.Median, Factor = 0.8, MinPoints = 3 },
            MinSamples = 10,
            Severity = AlertSeverity.Warning,
            UpdatedAt = now,
        },
    ];
}
