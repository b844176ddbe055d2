using AgentOps.Entities;

namespace AgentOps.Ingest;

/// <summary>
/// Deliveries not yet acknowledged, in order per target. A target that fails keeps its queue and is retried on the
/// next flush, ahead of anything newer for it, so every grain sees a partition's flushes in order and none is lost.
/// </summary>
public sealed class DeliveryOutbox
{
    private readonly Dictionary<DeliveryTarget, Queue<EntityDelivery>> _queues = [];

    /// <summary>Targets with deliveries waiting.</summary>
    public int PendingTargets => _queues.Count;

    public void Enqueue(DeliveryTarget target, EntityDelivery delivery)
    {
        if (!_queues.TryGetValue(target, out var queue))
        {
            queue = new Queue<EntityDelivery>();
            _queues[target] = queue;
        }

        queue.Enqueue(delivery);
    }

    /// <summary>
    /// Sends every queue in parallel across targets and in order within one, tells <paramref name="delivered"/> of each
    /// acknowledged delivery, and answers the failures. Queues that drain are dropped; a queue stops at its first
    /// failure and stays for the next attempt.
    /// </summary>
    public async Task<IReadOnlyList<(DeliveryTarget Target, Exception Error)>> DrainAsync(IGrainFactory grains, Action<DeliveryTarget, long> delivered)
    {
        var targets = _queues.ToList();
        var results = await Task.WhenAll(targets.Select(t => DrainOneAsync(grains, t.Key, t.Value, delivered)));
        List<(DeliveryTarget, Exception)> failures = [];
        for (var i = 0; i < targets.Count; i++)
        {
            if (results[i] is { } error)
            {
                failures.Add((targets[i].Key, error));
            }
            else
            {
                _queues.Remove(targets[i].Key);
            }
        }

        return failures;
    }

    private static async Task<Exception?> DrainOneAsync(IGrainFactory grains, DeliveryTarget target, Queue<EntityDelivery> queue, Action<DeliveryTarget, long> delivered)
    {
        while (queue.TryPeek(out var delivery))
        {
            try
            {
                await target.DeliverAsync(grains, delivery);
            }
            catch (Exception error)
            {
                return error;
            }

            queue.Dequeue();
            delivered(target, delivery.Flush);
        }

        return null;
    }
}
