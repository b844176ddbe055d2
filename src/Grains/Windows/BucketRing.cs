using AgentOps.Events;

namespace AgentOps.Windows;

/// <summary>
/// A fixed ring of time buckets of one width (a minute or an hour). Slot <c>i</c> holds absolute bucket
/// <c>b</c> with <c>b % Length == i</c>; a slot is cleared when a newer bucket claims it, so the ring never
/// grows. The arrays are allocated on first use. Per-model and per-tool counters live in one array per key
/// over the same slots, which is compact when every bucket is busy.
/// </summary>
[GenerateSerializer]
public sealed class BucketRing
{
    /// <summary>Distinct models or tools kept per ring; further names are counted under <see cref="OtherKey"/>.</summary>
    public const int MaxKeys = 64;

    /// <summary>The name that collects models or tools beyond <see cref="MaxKeys"/>.</summary>
    public const string OtherKey = "(other)";

    [Id(0)] private readonly long _widthTicks;
    [Id(1)] private readonly int _length;
    [Id(2)] private long[]? _slotBucket;
    [Id(3)] private MetricCounters[]? _counters;
    [Id(4)] private Dictionary<string, ModelCounters[]>? _models;
    [Id(5)] private Dictionary<string, ToolCounters[]>? _tools;
    [Id(6)] private long _historyVersion;

    public BucketRing(TimeSpan width, int length)
    {
        _widthTicks = width.Ticks;
        _length = length;
    }

    /// <summary>The width of one bucket.</summary>
    public TimeSpan Width => TimeSpan.FromTicks(_widthTicks);

    /// <summary>The time the ring spans, the bucket containing now included.</summary>
    public TimeSpan Span => TimeSpan.FromTicks(_widthTicks * (_length - 1));

    /// <summary>The absolute bucket number that contains <paramref name="time"/>.</summary>
    public long BucketOf(DateTimeOffset time) => time.UtcTicks / _widthTicks;

    /// <summary>
    /// Increases whenever a bucket older than the current one changes (a late event or a run correction), so a value
    /// computed from past buckets (a baseline) can be cached until the past changes.
    /// </summary>
    public long HistoryVersion => _historyVersion;

    /// <summary>The counters of every bucket held between two buckets (both included), oldest first.</summary>
    public IEnumerable<MetricCounters> BucketsIn(long fromBucket, long toBucket)
    {
        foreach (var slot in SlotsIn(fromBucket, toBucket))
        {
            yield return _counters![slot];
        }
    }

    /// <summary>The start time of an absolute bucket.</summary>
    public DateTimeOffset StartOf(long bucket) => new(bucket * _widthTicks, TimeSpan.Zero);

    /// <summary>Counts an event's call-level figures and its model or tool use, if its bucket is still in the ring.</summary>
    public void AddEvent(AgentEvent e, DateTimeOffset bucketTime, DateTimeOffset now, bool startsRun = true)
    {
        if (!TryClaim(BucketOf(bucketTime), BucketOf(now), out var slot))
        {
            return;
        }

        _counters![slot].AddEvent(e, startsRun);
        if (e.Type == EventType.LlmCall && e.Model is { } model)
        {
            ref var m = ref KeyCounters(_models ??= new(StringComparer.Ordinal), model)[slot];
            m.Calls++;
            m.InputTokens += e.InputTokens;
            m.OutputTokens += e.OutputTokens;
            m.CachedInputTokens += e.CachedInputTokens;
            m.CostNanos += e.CostNanos;
        }
        else if (e.Type == EventType.ToolCall && e.Tool is { } tool)
        {
            ref var t = ref KeyCounters(_tools ??= new(StringComparer.Ordinal), tool)[slot];
            t.Calls++;
            t.Errors += e.IsError ? 1 : 0;
            t.Retries += e.IsRetry ? 1 : 0;
        }
    }

    /// <summary>
    /// Adds or removes a finished run's contribution in the bucket it finished in. Removal only touches a slot that
    /// still holds that bucket, so a correction never lands on a newer bucket that reused the slot.
    /// </summary>
    public void AddRun(in RunContribution run, int sign, DateTimeOffset now)
    {
        var bucket = BucketOf(run.FinishedAt);
        if (sign > 0 ? TryClaim(bucket, BucketOf(now), out var slot) : TryFind(bucket, BucketOf(now), out slot))
        {
            _counters![slot].AddRun(run, sign);
        }
    }

    /// <summary>Sums the buckets from <paramref name="fromBucket"/> to <paramref name="toBucket"/>, both included.</summary>
    public MetricTotals Sum(long fromBucket, long toBucket)
    {
        var totals = new MetricTotals();
        if (_slotBucket is null)
        {
            return totals;
        }

        foreach (var slot in SlotsIn(fromBucket, toBucket))
        {
            totals.Add(_counters![slot]);
        }

        return totals;
    }

    /// <summary>The counters of one bucket, or null when the ring does not hold it.</summary>
    public MetricCounters? Get(long bucket)
    {
        var slot = SlotOf(bucket);
        return _slotBucket is not null && _slotBucket[slot] == bucket ? _counters![slot] : null;
    }

    /// <summary>Per-model use summed over a bucket range.</summary>
    public Dictionary<string, ModelCounters> SumModels(long fromBucket, long toBucket)
    {
        var result = new Dictionary<string, ModelCounters>(StringComparer.Ordinal);
        if (_models is null)
        {
            return result;
        }

        var slots = SlotsIn(fromBucket, toBucket).ToArray();
        foreach (var (model, perSlot) in _models)
        {
            var sum = new ModelCounters();
            foreach (var slot in slots)
            {
                ref readonly var m = ref perSlot[slot];
                sum.Calls += m.Calls;
                sum.InputTokens += m.InputTokens;
                sum.OutputTokens += m.OutputTokens;
                sum.CachedInputTokens += m.CachedInputTokens;
                sum.CostNanos += m.CostNanos;
            }

            if (sum.Calls > 0)
            {
                result[model] = sum;
            }
        }

        return result;
    }

    /// <summary>Per-tool use summed over a bucket range.</summary>
    public Dictionary<string, ToolCounters> SumTools(long fromBucket, long toBucket)
    {
        var result = new Dictionary<string, ToolCounters>(StringComparer.Ordinal);
        if (_tools is null)
        {
            return result;
        }

        var slots = SlotsIn(fromBucket, toBucket).ToArray();
        foreach (var (tool, perSlot) in _tools)
        {
            var sum = new ToolCounters();
            foreach (var slot in slots)
            {
                sum.Calls += perSlot[slot].Calls;
                sum.Errors += perSlot[slot].Errors;
                sum.Retries += perSlot[slot].Retries;
            }

            if (sum.Calls > 0)
            {
                result[tool] = sum;
            }
        }

        return result;
    }

    /// <summary>Bytes held by the ring's arrays (an estimate for the memory benchmark).</summary>
    public long ApproximateBytes()
    {
        long bytes = 0;
        if (_slotBucket is not null)
        {
            bytes += (_slotBucket.Length * sizeof(long)) + (_counters!.Length * 112L);
        }

        bytes += (_models?.Count ?? 0) * ((_length * 40L) + 64);
        bytes += (_tools?.Count ?? 0) * ((_length * 12L) + 64);
        return bytes;
    }

    private IEnumerable<int> SlotsIn(long fromBucket, long toBucket)
    {
        if (_slotBucket is null)
        {
            yield break;
        }

        var first = Math.Max(fromBucket, toBucket - _length + 1);
        for (var bucket = first; bucket <= toBucket; bucket++)
        {
            var slot = SlotOf(bucket);
            if (_slotBucket[slot] == bucket)
            {
                yield return slot;
            }
        }
    }

    private bool TryClaim(long bucket, long nowBucket, out int slot)
    {
        slot = SlotOf(bucket);
        if (bucket <= nowBucket - _length || bucket > nowBucket)
        {
            return false;
        }

        if (_slotBucket is null)
        {
            _slotBucket = new long[_length];
            Array.Fill(_slotBucket, long.MinValue);
            _counters = new MetricCounters[_length];
        }

        if (bucket < nowBucket)
        {
            _historyVersion++;
        }

        var held = _slotBucket[slot];
        if (held == bucket)
        {
            return true;
        }

        if (held > bucket)
        {
            return false; // the slot already serves a newer bucket: this one has left the ring
        }

        _slotBucket[slot] = bucket;
        ClearSlot(slot);
        return true;
    }

    private bool TryFind(long bucket, long nowBucket, out int slot)
    {
        slot = SlotOf(bucket);
        var found = _slotBucket is not null && bucket > nowBucket - _length && _slotBucket[slot] == bucket;
        if (found && bucket < nowBucket)
        {
            _historyVersion++;
        }

        return found;
    }

    private void ClearSlot(int slot)
    {
        _counters![slot] = default;
        if (_models is not null)
        {
            foreach (var perSlot in _models.Values)
            {
                perSlot[slot] = default;
            }
        }

        if (_tools is not null)
        {
            foreach (var perSlot in _tools.Values)
            {
                perSlot[slot] = default;
            }
        }
    }

    private T[] KeyCounters<T>(Dictionary<string, T[]> byKey, string key)
    {
        if (byKey.TryGetValue(key, out var perSlot))
        {
            return perSlot;
        }

        if (byKey.Count >= MaxKeys - 1)
        {
            key = OtherKey;
            if (byKey.TryGetValue(key, out perSlot))
            {
                return perSlot;
            }
        }

        perSlot = new T[_length];
        byKey[key] = perSlot;
        return perSlot;
    }

    private int SlotOf(long bucket) => (int)(((bucket % _length) + _length) % _length);
}
