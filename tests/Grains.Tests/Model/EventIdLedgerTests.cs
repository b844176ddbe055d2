using AgentOps.Ingest;

namespace AgentOps.Grains.Tests.Model;

public sealed class EventIdLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_claimed_by_an_earlier_chunk_are_reported_as_duplicates()
    {
        var ledger = new EventIdLedger(TimeSpan.FromHours(1), 1_000_000);
        Assert.Empty(ledger.RegisterPublished(1, [10, 11, 12], Now));
        Assert.Equal([0, 2], ledger.RegisterPublished(2, [10, 13, 12], Now));
    }

    [Fact]
    public void A_chunk_that_was_processed_before_it_registered_is_not_its_own_duplicate()
    {
        var ledger = new EventIdLedger(TimeSpan.FromHours(1), 1_000_000);
        Assert.True(ledger.TryMarkProcessed(10, 7, Now));
        Assert.Empty(ledger.RegisterPublished(7, [10], Now));
        Assert.Equal([0], ledger.RegisterPublished(8, [10], Now));
    }

    [Fact]
    public void An_id_is_counted_once_whichever_chunk_delivers_it_first()
    {
        var ledger = new EventIdLedger(TimeSpan.FromHours(1), 1_000_000);
        ledger.RegisterPublished(1, [10], Now);
        ledger.RegisterPublished(2, [10], Now); // a re-send raced the first copy
        Assert.True(ledger.TryMarkProcessed(10, 2, Now));
        Assert.False(ledger.TryMarkProcessed(10, 1, Now));
        Assert.False(ledger.TryMarkProcessed(10, 2, Now));
    }

    [Fact]
    public void Memory_is_bounded_by_the_id_budget()
    {
        var ledger = new EventIdLedger(TimeSpan.FromHours(1), 1_000);
        for (ulong id = 0; id < 10_000; id++)
        {
            ledger.TryMarkProcessed(id, 1, Now);
        }

        Assert.InRange(ledger.Count, 750, 1_000);
        Assert.True(ledger.TryMarkProcessed(0, 1, Now)); // forgotten: beyond the budget
        Assert.False(ledger.TryMarkProcessed(9_999, 1, Now)); // recent: remembered
    }

    [Fact]
    public void Ids_older_than_the_horizon_are_forgotten()
    {
        var ledger = new EventIdLedger(TimeSpan.FromMinutes(4), 1_000_000);
        ledger.TryMarkProcessed(1, 1, Now);
        for (var minute = 1; minute <= 5; minute++)
        {
            ledger.TryMarkProcessed((ulong)(100 + minute), 1, Now.AddMinutes(minute));
        }

        Assert.True(ledger.TryMarkProcessed(1, 2, Now.AddMinutes(5)));
        Assert.False(ledger.TryMarkProcessed(105, 2, Now.AddMinutes(5)));
    }
}
