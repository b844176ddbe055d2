using AgentOps.Ingest;

namespace AgentOps.Grains.Tests.Model;

/// <summary>What a partition replays to a grain that restarts: only flushes it acknowledged and had not yet stored.</summary>
public sealed class CheckpointTrackerTests
{
    private static readonly DeliveryTarget User = new(DeliveryTargetKind.User, "p/u1");
    private static readonly DeliveryTarget Shard = new(DeliveryTargetKind.Trajectory, "p/runs/3");

    [Fact]
    public void A_grain_woken_by_its_first_delivery_has_nothing_to_replay_and_costs_no_journal_read()
    {
        var tracker = new CheckpointTracker();
        tracker.Sent(User, 7);

        Assert.Null(tracker.ToReplay(User, 0));
        Assert.Equal((6, 7), tracker.ToReplay(User, 0, undeliveredToo: true));
    }

    [Fact]
    public void Acknowledged_but_unconfirmed_flushes_are_replayed_from_the_first_unconfirmed_one()
    {
        var tracker = new CheckpointTracker();
        foreach (var flush in new long[] { 3, 5, 8, 9 })
        {
            tracker.Sent(User, flush);
        }

        tracker.Delivered(User, 5);
        tracker.Delivered(User, 8);

        Assert.Equal((2, 8), tracker.ToReplay(User, 0)); // flush 9 is still in the outbox: it comes anyway
        Assert.Equal((5, 8), tracker.ToReplay(User, 5)); // the stored state already has 5
        Assert.Null(tracker.ToReplay(User, 8));
        Assert.Equal((2, 9), tracker.ToReplay(User, 0, undeliveredToo: true));

        tracker.Confirmed(User, 5);
        Assert.Equal((5, 8), tracker.ToReplay(User, 0));
        tracker.Confirmed(User, 9);
        Assert.Null(tracker.ToReplay(User, 0, undeliveredToo: true));
        tracker.Delivered(User, 12); // no longer pending: nothing to remember
        Assert.Null(tracker.ToReplay(User, 0));
    }

    [Fact]
    public void A_shard_without_a_watermark_gets_every_unconfirmed_flush_even_undelivered_ones()
    {
        var tracker = new CheckpointTracker();
        tracker.Sent(Shard, 4);
        tracker.Sent(Shard, 6);

        Assert.Equal((3, 6), tracker.ToReplay(Shard, 0, undeliveredToo: true));
        Assert.Null(tracker.ToReplay(Shard, 0));
    }
}
