namespace AgentOps.Ingest;

/// <summary>
/// The partitions' write-ahead log. A partition appends every chunk it consumes before it returns from the stream
/// callback (so the queue message may then be deleted), and deletes the entries of a flush once every grain that got it
/// has checkpointed its state. Ids are kept for the de-duplication horizon. See docs/durability.md.
/// </summary>
public interface IEventJournal
{
    /// <summary>False for the Local profile's journal, which keeps nothing (nothing survives a restart there).</summary>
    bool IsDurable { get; }

    /// <summary>Starts a new epoch for the partition (flush numbers of a new activation are above all earlier ones) and reads back what it must replay.</summary>
    Task<JournalRecovery> RecoverAsync(string project, int partition, DateTimeOffset idsSince);

    /// <summary>Appends an entry durably.</summary>
    Task AppendAsync(string project, int partition, JournalEntry entry);

    /// <summary>The entries of the flushes in (<paramref name="afterFlush"/>, <paramref name="upToFlush"/>], in order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(string project, int partition, long afterFlush, long upToFlush);

    /// <summary>Deletes the events of flushes before <paramref name="beforeFlush"/> and the ids recorded before <paramref name="idsBefore"/>.</summary>
    Task TruncateAsync(string project, int partition, long beforeFlush, DateTimeOffset idsBefore);
}
