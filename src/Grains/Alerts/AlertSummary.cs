using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Redaction;
using AgentOps.Rules;

namespace AgentOps.Alerts;

/// <summary>The one-line, human-readable summary of an alert.</summary>
public static class AlertSummary
{
    public static string Describe(AlertRule rule, Judgement judgement, EntityKind scope, string entityId)
    {
        var threshold = rule.Baseline is { } b && rule.Metric != MetricCatalog.ToolDrift
            ? $"{Number(judgement.Threshold)} ({Number(b.Factor)}x the {b.Stat.ToString().ToLowerInvariant()} of hourly values over {Durations.Format(b.Window)})"
            : Number(judgement.Threshold);
        // Redacted like events: the summary goes to pages, webhooks and chat.
        return TextRedactor.Default.Redact($"{rule.Metric} {Number(judgement.Value)} {Symbol(rule.Op)} {threshold} for {scope.ToWire()} {entityId} over {Durations.Format(rule.Window)}")!;
    }

    public static string Symbol(ComparisonOp op) => op switch
    {
        ComparisonOp.GreaterThan => ">",
        ComparisonOp.GreaterOrEqual => ">=",
        ComparisonOp.LessThan => "<",
        _ => "<=",
    };

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
