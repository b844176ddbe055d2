namespace AgentOps.Ingest;

/// <summary>
/// Which grains a partition has sent flushes to that they have not yet checkpointed: the journal keeps every flush from
/// the oldest such one on. A grain confirms after writing its state; a confirmation covers every flush up to it. It
/// also knows which of those flushes a grain has acknowledged: only those can be lost with the grain's memory (the
/// others are still in the outbox and will be delivered anyway).
/// </summary>
public sealed class CheckpointTracker
{
    private readonly Dictionary<DeliveryTarget, (long First, long Last)> _pending = [];
    private readonly Dictionary<DeliveryTarget, long> _delivered = [];

    /// <summary>Grains with flushes not yet checkpointed.</summary>
    public int Pending => _pending.Count;

    /// <summary>Notes that <paramref name="flush"/> was sent to <paramref name="target"/>.</summary>
    public void Sent(DeliveryTarget target, long flush) =>
        _pending[target] = _pending.TryGetValue(target, out var range) ? (range.First, Math.Max(range.Last, flush)) : (flush, flush);

    /// <summary>The target has written every flush up to <paramref name="upToFlush"/>.</summary>
    public void Confirmed(DeliveryTarget target, long upToFlush)
    {
        if (!_pending.TryGetValue(target, out var range))
        {
            return;
        }

        if (range.Last <= upToFlush)
        {
            _pending.Remove(target);
            _delivered.Remove(target);
        }
        else if (range.First <= upToFlush)
        {
            _pending[target] = (upToFlush + 1, range.Last);
        }
    }

    /// <summary>The target acknowledged <paramref name="flush"/> (and, flushes arriving in order, every earlier one).</summary>
    public void Delivered(DeliveryTarget target, long flush)
    {
        if (_pending.ContainsKey(target))
        {
            _delivered[target] = Math.Max(_delivered.GetValueOrDefault(target), flush);
        }
    }

    /// <summary>
    /// The flushes a grain restarting from state that has every flush up to <paramref name="afterFlush"/> must get
    /// again: acknowledged but not checkpointed, or with <paramref name="undeliveredToo"/> every unconfirmed one (for a
    /// grain that keeps no watermark and must see what is coming to recognise it). Null when there are none.
    /// </summary>
    public (long After, long UpTo)? ToReplay(DeliveryTarget target, long afterFlush, bool undeliveredToo = false)
    {
        if (!_pending.TryGetValue(target, out var range))
        {
            return null;
        }

        var after = Math.Max(afterFlush, range.First - 1);
        var upTo = undeliveredToo ? range.Last : Math.Min(range.Last, _delivered.GetValueOrDefault(target));
        return upTo > after ? (after, upTo) : null;
    }

    /// <summary>Flushes before this one are checkpointed everywhere; null when every flush is.</summary>
    public long? OldestUnconfirmed() => _pending.Count == 0 ? null : _pending.Values.Min(r => r.First);
}
