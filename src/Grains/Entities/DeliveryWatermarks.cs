namespace AgentOps.Entities;

/// <summary>
/// The last flush applied from each ingest partition. Flushes of a partition only increase, so a delivery at or
/// below the mark was applied before and is dropped: redelivery after a retry or a crash counts nothing twice.
/// </summary>
[GenerateSerializer]
public sealed class DeliveryWatermarks
{
    [Id(0)] private readonly Dictionary<int, long> _lastFlush = [];

    /// <summary>The last flush applied from a partition (0 when none).</summary>
    public long Of(int partition) => _lastFlush.GetValueOrDefault(partition);

    /// <summary>Moves the mark to <paramref name="flush"/>; false when that flush was applied already.</summary>
    public bool TryAdvance(int partition, long flush)
    {
        if (_lastFlush.TryGetValue(partition, out var last) && flush <= last)
        {
            return false;
        }

        _lastFlush[partition] = flush;
        return true;
    }
}
