namespace AgentOps.Rules;

/// <summary>
/// Baseline thresholds per rule, kept until the hour turns, the rule changes or the past buckets change: a baseline
/// over 7 days of hourly values is too costly to recompute on every event.
/// </summary>
public sealed class BaselineCache
{
    private readonly Dictionary<string, (CacheKey Key, double? Value)> _entries = new(StringComparer.Ordinal);

    public double? GetOrCompute(AlertRule rule, long hourBucket, long historyVersion, Func<double?> compute)
    {
        var key = new CacheKey(rule.UpdatedAt, rule.Metric, rule.Window, rule.Baseline, hourBucket, historyVersion);
        if (_entries.TryGetValue(rule.Id, out var entry) && entry.Key == key)
        {
            return entry.Value;
        }

        var value = compute();
        _entries[rule.Id] = (key, value);
        return value;
    }

    private readonly record struct CacheKey(DateTimeOffset RuleVersion, string Metric, TimeSpan Window, RuleBaseline? Baseline, long HourBucket, long HistoryVersion);
}
