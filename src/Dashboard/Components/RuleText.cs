using AgentOps.Dashboard.Formatting;
using AgentOps.Rules;

namespace AgentOps.Dashboard.Components;

/// <summary>A rule's condition in words: <c>costPerSuccessfulRun over 1h &gt;= 2x median of 7d</c>.</summary>
public static class RuleText
{
    public static string Condition(AlertRule rule)
    {
        var window = Durations.Format(rule.Window);
        var op = RuleWire.OpName(rule.Op);
        var threshold = rule.Baseline is { } b && rule.Metric != MetricNames.ToolDrift
            ? $"{Format.Factor(b.Factor)} {b.Stat.ToString().ToLowerInvariant()} of {Durations.Format(b.Window)}"
            : rule.Threshold is { } t ? MetricFormat.Value(rule.Metric, t) : "?";
        var drift = rule.Metric == MetricNames.ToolDrift && rule.Baseline is { } db ? $" vs the mix of {Durations.Format(db.Window)}" : string.Empty;
        var hold = rule.For > TimeSpan.Zero ? $" for {Durations.Format(rule.For)}" : string.Empty;
        return $"{rule.Metric} over {window} {op} {threshold}{drift}{hold}";
    }
}
