namespace AgentOps.Ingest;

/// <summary>
/// The Local profile's journal: keeps nothing. Epochs come from the clock (seconds since 2020), so flush numbers still
/// increase across activations and grains still drop redelivered flushes.
/// </summary>
public sealed class NullEventJournal(TimeProvider time) : IEventJournal
{
    private static readonly DateTimeOffset EpochOrigin = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public bool IsDurable => false;

    public Task<JournalRecovery> RecoverAsync(string project, int partition, DateTimeOffset idsSince) =>
        Task.FromResult(new JournalRecovery((long)(time.GetUtcNow() - EpochOrigin).TotalSeconds, [], []));

    public Task AppendAsync(string project, int partition, JournalEntry entry) => Task.CompletedTask;

    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string project, int partition, long afterFlush, long upToFlush) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>([]);

    public Task TruncateAsync(string project, int partition, long beforeFlush, DateTimeOffset idsBefore) => Task.CompletedTask;
}
