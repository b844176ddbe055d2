using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Rules;

/// <summary>The wire names of rule settings, both ways, and the document form of a rule.</summary>
public static class RuleWire
{
    public static string OpName(ComparisonOp op) => op switch
    {
        ComparisonOp.GreaterThan => ">",
        ComparisonOp.GreaterOrEqual => ">=",
        ComparisonOp.LessThan => "<",
        _ => "<=",
    };

    public static ComparisonOp? ParseOp(string? op) => op switch
    {
        ">" => ComparisonOp.GreaterThan,
        ">=" => ComparisonOp.GreaterOrEqual,
        "<" => ComparisonOp.LessThan,
        "<=" => ComparisonOp.LessOrEqual,
        _ => null,
    };

    public static EntityKind? ParseScope(string? scope) => scope switch
    {
        "agent" => EntityKind.Agent,
        "route" => EntityKind.Route,
        "user" => EntityKind.User,
        _ => null,
    };

    public static AlertSeverity? ParseSeverity(string? severity) => severity switch
    {
        "critical" => AlertSeverity.Critical,
        "warning" => AlertSeverity.Warning,
        "info" => AlertSeverity.Info,
        _ => null,
    };

    public static BaselineStat? ParseStat(string? stat) => stat switch
    {
        "median" => BaselineStat.Median,
        "mean" => BaselineStat.Mean,
        "p90" => BaselineStat.P90,
        _ => null,
    };

    public static string Name(this AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    public static RuleDocument ToDocument(AlertRule rule) => new()
    {
        Id = rule.Id,
        Scope = rule.Scope.ToWire(),
        Match = rule.Match,
        Metric = rule.Metric,
        Window = Durations.Format(rule.Window),
        Op = OpName(rule.Op),
        Threshold = rule.Threshold,
        Baseline = rule.Baseline is { } b
            ? new BaselineDocument { Window = Durations.Format(b.Window), Stat = b.Stat.ToString().ToLowerInvariant(), Factor = b.Factor, MinPoints = b.MinPoints }
            : null,
        For = Durations.Format(rule.For),
        MinSamples = rule.MinSamples,
        Severity = rule.Severity.Name(),
        Labels = rule.Labels,
        Channels = rule.Channels,
        UpdatedAt = rule.UpdatedAt,
    };
}
