using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>
/// One consumed chunk as the partition journals it before the stream may forget the chunk: the events it counted
/// (de-duplicated and judged) under the flush they belong to, and their id hashes for de-duplication after a restart.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.journal-entry")]
public sealed record JournalEntry(
    [property: Id(0)] long Flush,
    [property: Id(1)] int Sequence,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] IReadOnlyList<AgentEvent> Events,
    [property: Id(4)] ulong[] IdHashes);

/// <summary>What a partition's new activation reads back: a fresh epoch, the flushes not yet checkpointed by every grain, and the recent ids.</summary>
public sealed record JournalRecovery(long Epoch, IReadOnlyList<JournalEntry> Unconfirmed, IReadOnlyList<(DateTimeOffset At, ulong[] Ids)> RecentIds);
