using AgentOps.Windows;

namespace AgentOps.Rules;

/// <summary>
/// Judges one rule against an entity's windows at one instant (API.md "Alert rules"): the metric over the rule's
/// window ending now, against a fixed threshold or <c>factor x stat</c> of the metric's hourly values over the
/// baseline window (hours without samples skipped, hours that overlap the current window excluded).
/// </summary>
public static class RuleJudge
{
    public static Judgement Judge(AlertRule rule, RollingWindows windows, DateTimeOffset now, BaselineCache cache)
    {
        var totals = windows.Sum(rule.Window, now);
        return rule.Metric == MetricCatalog.ToolDrift
            ? JudgeToolDrift(rule, windows, totals, now)
            : JudgeMetric(rule, windows, totals, now, cache);
    }

    /// <summary>True when <paramref name="value"/> stands to <paramref name="threshold"/> as the operator says.</summary>
    public static bool Compare(ComparisonOp op, double value, double threshold) => op switch
    {
        ComparisonOp.GreaterThan => value > threshold,
        ComparisonOp.GreaterOrEqual => value >= threshold,
        ComparisonOp.LessThan => value < threshold,
        ComparisonOp.LessOrEqual => value <= threshold,
        _ => false,
    };

    private static Judgement JudgeMetric(AlertRule rule, RollingWindows windows, in MetricTotals totals, DateTimeOffset now, BaselineCache cache)
    {
        var metric = MetricCatalog.Get(rule.Metric);
        if (MetricCatalog.Samples(metric.Samples, totals) < (metric.IsRatio ? Math.Max(1, rule.MinSamples) : rule.MinSamples))
        {
            return Judgement.NotJudged;
        }

        double threshold;
        if (rule.Baseline is { } baseline)
        {
            var hours = windows.Hours;
            var stat = cache.GetOrCompute(rule, BaselineHours(rule, baseline, hours, now), hours.HistoryVersion, () => HourlyStat(rule, baseline, metric, hours, now));
            if (stat is not > 0)
            {
                return Judgement.NotJudged; // too few hours, or a baseline of 0 (free models, no retries): "2x of nothing" means nothing
            }

            threshold = baseline.Factor * stat.Value;
        }
        else
        {
            threshold = rule.Threshold ?? 0;
        }

        var value = metric.Value(totals.ToView());
        return new Judgement(true, Compare(rule.Op, value, threshold), value, threshold);
    }

    /// <summary>
    /// The baseline statistic of a metric's hourly values over the baseline window, hours without samples skipped and
    /// hours that overlap the rule's window excluded; null with fewer than <c>minPoints</c> hours.
    /// </summary>
    public static double? HourlyStat(AlertRule rule, RuleBaseline baseline, MetricDefinition metric, BucketRing hours, DateTimeOffset now)
    {
        var (from, to) = BaselineHours(rule, baseline, hours, now);
        var values = new List<double>();
        foreach (var counters in hours.BucketsIn(from, to))
        {
            var hour = new MetricTotals();
            hour.Add(counters);
            if (MetricCatalog.Samples(metric.Samples, hour) > 0)
            {
                values.Add(metric.Value(hour.ToView()));
            }
        }

        return values.Count >= baseline.MinPoints && values.Count > 0 ? Statistics.Of(baseline.Stat, values) : null;
    }

    private static Judgement JudgeToolDrift(AlertRule rule, RollingWindows windows, in MetricTotals totals, DateTimeOffset now)
    {
        if (totals.ToolCalls < Math.Max(1, rule.MinSamples))
        {
            return Judgement.NotJudged;
        }

        var baseline = rule.Baseline ?? new RuleBaseline();
        var hours = windows.Hours;
        var (from, to) = BaselineHours(rule, baseline, hours, now);
        var hoursWithTools = hours.BucketsIn(from, to).Count(c => c.ToolCalls > 0);
        if (hoursWithTools < baseline.MinPoints)
        {
            return Judgement.NotJudged;
        }

        var current = windows.SumTools(rule.Window, now).ToDictionary(t => t.Key, t => (long)t.Value.Calls, StringComparer.Ordinal);
        var reference = hours.SumTools(from, to).ToDictionary(t => t.Key, t => (long)t.Value.Calls, StringComparer.Ordinal);
        var drift = Statistics.JensenShannon(current, reference);
        var threshold = rule.Threshold ?? 0;
        return new Judgement(true, Compare(rule.Op, drift, threshold), drift, threshold);
    }

    /// <summary>The hour buckets of the baseline window that do not overlap the rule's current window.</summary>
    public static (long From, long To) BaselineHours(AlertRule rule, RuleBaseline baseline, BucketRing hours, DateTimeOffset now) =>
        (hours.BucketOf(now - baseline.Window), hours.BucketOf(now - rule.Window) - 1);
}
