namespace AgentOps.Ingest;

/// <summary>
/// Which grains a partition has sent flushes to that they have not yet checkpointed: the journal keeps every flush from
/// the oldest such one on. A grain confirms after writing its state; a confirmation covers every flush up to it.
/// </summary>
public sealed class CheckpointTracker
{
    private readonly Dictionary<DeliveryTarget, (long First, long Last)> _pending = [];

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
        }
        else if (range.First <= upToFlush)
        {
            _pending[target] = (upToFlush + 1, range.Last);
        }
    }

    /// <summary>The last flush sent to <paramref name="target"/> and not yet confirmed, or null.</summary>
    public long? LastUnconfirmed(DeliveryTarget target) => _pending.TryGetValue(target, out var range) ? range.Last : null;

    /// <summary>Flushes before this one are checkpointed everywhere; null when every flush is.</summary>
    public long? OldestUnconfirmed() => _pending.Count == 0 ? null : _pending.Values.Min(r => r.First);
}
