namespace AgentOps.Rules;

/// <summary>
/// Baseline thresholds per rule, kept while the baseline's hours, the rule and the past buckets stay the same: a
/// baseline over 7 days of hourly values is too costly to recompute on every event. The hours are in the key, not the
/// current hour: for a window shorter than an hour they move within the hour, as the previous hour leaves the window.
/// </summary>
public sealed class BaselineCache
{
    private readonly Dictionary<string, (CacheKey Key, double? Value)> _entries = new(StringComparer.Ordinal);

    public double? GetOrCompute(AlertRule rule, (long From, long To) hours, long historyVersion, Func<double?> compute)
    {
        var key = new CacheKey(rule.UpdatedAt, rule.Metric, rule.Window, rule.Baseline, hours.From, hours.To, historyVersion);
        if (_entries.TryGetValue(rule.Id, out var entry) && entry.Key == key)
        {
            return entry.Value;
        }

        var value = compute();
        _entries[rule.Id] = (key, value);
        return value;
    }

    private readonly record struct CacheKey(DateTimeOffset RuleVersion, string Metric, TimeSpan Window, RuleBaseline? Baseline, long FromHour, long ToHour, long HistoryVersion);
}
