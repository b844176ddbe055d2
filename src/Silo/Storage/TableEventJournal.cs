using System.Globalization;
using Azure;
using Azure.Data.Tables;
using AgentOps.Ingest;
using Orleans.Serialization;

namespace AgentOps.Silo.Storage;

/// <summary>
/// The partitions' journal in one Azure table. Each partition is one table partition (so an entry's events and ids are
/// written in one transaction, and truncation deletes up to 100 rows per transaction):
/// <c>~epoch</c> holds the epoch counter; <c>e{flush}-{seq}</c> rows hold a chunk's events (Orleans-serialized, Brotli-
/// compressed, split over 64 KiB properties); <c>i{flush}-{seq}</c> rows hold the same chunk's id hashes and outlive
/// the events until the de-duplication horizon.
/// </summary>
public sealed class TableEventJournal(AzureStorageAccount account, Serializer serializer) : IEventJournal
{
    public const string TableName = "agentopsjournal";

    private const int PropertyBytes = 64 * 1024;
    private const int MaxProperties = 15;
    private const string EpochRow = "~epoch";

    private readonly RetryingLazy<TableClient> _table = account.Table(TableName);

    public bool IsDurable => true;

    public async Task<JournalRecovery> RecoverAsync(string project, int partition, DateTimeOffset idsSince)
    {
        var table = await _table.Value;
        var key = PartitionKey(project, partition);
        var epoch = await NextEpochAsync(table, key);
        var entries = new List<JournalEntry>();
        var ids = new List<(DateTimeOffset, ulong[])>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == key))
        {
            if (row.RowKey.StartsWith('e'))
            {
                entries.Add(ReadEntry(row));
            }
            else if (row.RowKey.StartsWith('i') && row.GetDateTimeOffset("At") is { } at && at >= idsSince)
            {
                ids.Add((at, Ids(row.GetBinary("Ids"))));
            }
        }

        return new JournalRecovery(epoch, entries.OrderBy(e => e.Flush).ThenBy(e => e.Sequence).ToList(), ids);
    }

    public async Task AppendAsync(string project, int partition, JournalEntry entry)
    {
        var table = await _table.Value;
        var key = PartitionKey(project, partition);
        var events = new TableEntity(key, RowKey('e', entry.Flush, entry.Sequence)) { ["At"] = entry.At, ["Flush"] = entry.Flush, ["Sequence"] = entry.Sequence };
        var payload = EventPayload.Write(serializer, entry.Events);
        if (payload.Length > PropertyBytes * MaxProperties)
        {
            throw new InvalidOperationException($"A journal entry of {payload.Length} compressed bytes exceeds one table row; chunks are split before this.");
        }

        for (var part = 0; part * PropertyBytes < payload.Length; part++)
        {
            events[$"D{part}"] = payload.AsSpan(part * PropertyBytes, Math.Min(PropertyBytes, payload.Length - (part * PropertyBytes))).ToArray();
        }

        var idBytes = new byte[entry.IdHashes.Length * sizeof(ulong)];
        Buffer.BlockCopy(entry.IdHashes, 0, idBytes, 0, idBytes.Length);
        var ids = new TableEntity(key, RowKey('i', entry.Flush, entry.Sequence)) { ["At"] = entry.At, ["Ids"] = idBytes };
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, events), new TableTransactionAction(TableTransactionActionType.UpsertReplace, ids)]);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(string project, int partition, long afterFlush, long upToFlush)
    {
        var table = await _table.Value;
        var key = PartitionKey(project, partition);
        var from = RowKey('e', afterFlush + 1, 0);
        var to = RowKey('e', upToFlush + 1, 0);
        var entries = new List<JournalEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == key && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0))
        {
            entries.Add(ReadEntry(row));
        }

        return entries;
    }

    public async Task TruncateAsync(string project, int partition, long beforeFlush, DateTimeOffset idsBefore)
    {
        var table = await _table.Value;
        var key = PartitionKey(project, partition);
        var eventsBefore = RowKey('e', beforeFlush, 0);
        var doomed = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == key && e.RowKey.CompareTo("e") >= 0 && e.RowKey.CompareTo(eventsBefore) < 0, select: ["PartitionKey", "RowKey"]))
        {
            doomed.Add(row);
        }

        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == key && e.RowKey.CompareTo("i") >= 0 && e.RowKey.CompareTo("j") < 0 && e.Timestamp < idsBefore, select: ["PartitionKey", "RowKey", "At"]))
        {
            if (row.GetDateTimeOffset("At") < idsBefore)
            {
                doomed.Add(row);
            }
        }

        foreach (var batch in doomed.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)));
        }
    }

    private static async Task<long> NextEpochAsync(TableClient table, string key)
    {
        // Optimistic concurrency: two activations of one partition (a split brain) never get the same epoch.
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(key, EpochRow);
            if (current.HasValue && current.Value is { } row)
            {
                var next = (row.GetInt64("Epoch") ?? 0) + 1;
                row["Epoch"] = next;
                try
                {
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
                    return next;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    continue;
                }
            }

            try
            {
                await table.AddEntityAsync(new TableEntity(key, EpochRow) { ["Epoch"] = 1L });
                return 1;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                continue;
            }
        }
    }

    private JournalEntry ReadEntry(TableEntity row)
    {
        using var payload = new MemoryStream();
        for (var part = 0; row.GetBinary($"D{part}") is { } bytes; part++)
        {
            payload.Write(bytes);
        }

        var events = EventPayload.Read(serializer, payload.ToArray());
        return new JournalEntry(row.GetInt64("Flush") ?? 0, row.GetInt32("Sequence") ?? 0, row.GetDateTimeOffset("At") ?? default, events, []);
    }

    private static ulong[] Ids(byte[]? bytes)
    {
        var ids = new ulong[(bytes?.Length ?? 0) / sizeof(ulong)];
        if (bytes is not null)
        {
            Buffer.BlockCopy(bytes, 0, ids, 0, ids.Length * sizeof(ulong));
        }

        return ids;
    }

    /// <summary>Project ids never contain the characters table keys forbid (/ \ # ? and control characters).</summary>
    private static string PartitionKey(string project, int partition) => string.Create(CultureInfo.InvariantCulture, $"{project}~{partition:D4}");

    private static string RowKey(char kind, long flush, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{kind}{flush:D19}-{sequence:D6}");
}
