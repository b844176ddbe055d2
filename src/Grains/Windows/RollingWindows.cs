using AgentOps.Events;

namespace AgentOps.Windows;

/// <summary>
/// Rolling windows by event time: minute buckets for the last 2 hours and hour buckets for 7 days, both updated
/// by every event. A window of length W ending now includes every bucket that overlaps (now - W, now], from the
/// minute ring when W fits in it, else from the hour ring.
/// </summary>
[GenerateSerializer]
public sealed class RollingWindows
{
    /// <summary>The longest window served.</summary>
    public static readonly TimeSpan MaxWindow = Durations.MaxWindow;

    /// <summary>The longest window served at minute resolution.</summary>
    public static readonly TimeSpan MinuteResolutionSpan = TimeSpan.FromHours(2);

    [Id(0)] private readonly BucketRing _minutes = new(TimeSpan.FromMinutes(1), (int)MinuteResolutionSpan.TotalMinutes + 1);
    [Id(1)] private readonly BucketRing _hours = new(TimeSpan.FromHours(1), (int)MaxWindow.TotalHours + 1);

    /// <summary>The hour ring, for baselines built from hourly values.</summary>
    public BucketRing Hours => _hours;

    /// <summary>Counts one event at its bucket time (its timestamp, never later than now); see <see cref="MetricCounters.AddEvent"/>.</summary>
    public void AddEvent(AgentEvent e, DateTimeOffset bucketTime, DateTimeOffset now, bool startsRun = true)
    {
        _minutes.AddEvent(e, bucketTime, now, startsRun);
        _hours.AddEvent(e, bucketTime, now, startsRun);
    }

    /// <summary>Adds (+1) or removes (-1) a finished run's contribution.</summary>
    public void AddRun(in RunContribution run, int sign, DateTimeOffset now)
    {
        _minutes.AddRun(run, sign, now);
        _hours.AddRun(run, sign, now);
    }

    /// <summary>The totals of the window of length <paramref name="window"/> ending at <paramref name="now"/>.</summary>
    public MetricTotals Sum(TimeSpan window, DateTimeOffset now)
    {
        var (ring, from, to) = Resolve(window, now);
        return ring.Sum(from, to);
    }

    /// <summary>Per-model use over the window.</summary>
    public Dictionary<string, ModelCounters> SumModels(TimeSpan window, DateTimeOffset now)
    {
        var (ring, from, to) = Resolve(window, now);
        return ring.SumModels(from, to);
    }

    /// <summary>Per-tool use over the window.</summary>
    public Dictionary<string, ToolCounters> SumTools(TimeSpan window, DateTimeOffset now)
    {
        var (ring, from, to) = Resolve(window, now);
        return ring.SumTools(from, to);
    }

    /// <summary>The totals of every bucket of the window, oldest first, with zeros for quiet buckets.</summary>
    public IReadOnlyList<(DateTimeOffset Start, MetricTotals Totals)> Series(TimeSpan window, DateTimeOffset now)
    {
        var (ring, from, to) = Resolve(window, now);
        var points = new List<(DateTimeOffset, MetricTotals)>((int)(to - from + 1));
        for (var bucket = from; bucket <= to; bucket++)
        {
            var totals = new MetricTotals();
            if (ring.Get(bucket) is { } counters)
            {
                totals.Add(counters);
            }

            points.Add((ring.StartOf(bucket), totals));
        }

        return points;
    }

    /// <summary>
    /// One value of every bucket of the window, oldest first, zero for quiet buckets: for a chart of one metric
    /// (built often), without the copies of every bucket's totals that <see cref="Series"/> makes.
    /// </summary>
    public long[] SeriesOf(TimeSpan window, DateTimeOffset now, Func<MetricCounters, long> value)
    {
        var (ring, from, to) = Resolve(window, now);
        var points = new long[to - from + 1];
        for (var bucket = from; bucket <= to; bucket++)
        {
            if (ring.Get(bucket) is { } counters)
            {
                points[bucket - from] = value(counters);
            }
        }

        return points;
    }

    /// <summary>Bytes held by both rings (an estimate for the memory benchmark).</summary>
    public long ApproximateBytes() => _minutes.ApproximateBytes() + _hours.ApproximateBytes();

    private (BucketRing Ring, long From, long To) Resolve(TimeSpan window, DateTimeOffset now)
    {
        if (window <= TimeSpan.Zero || window > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"Windows are served from 1 second to {MaxWindow.TotalDays:0} days.");
        }

        var ring = window <= MinuteResolutionSpan ? _minutes : _hours;
        return (ring, ring.BucketOf(now - window), ring.BucketOf(now));
    }
}
