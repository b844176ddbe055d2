using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using AgentOps.Events;
using AgentOps.Runs;
using Orleans.Serialization;

namespace AgentOps.Silo.Storage;

/// <summary>
/// Stored runs in the AzureStorage profile. A run is one row of table <c>agentopsruns</c> (partition
/// <c>{project}~{shard}</c>, row = run id), so a shard's save is one table transaction per 100 runs. The steps of a
/// kept run (Orleans-serialized, Brotli-compressed) are in the row itself when they fit in <see cref="InlineBytes"/>,
/// which is nearly every run; a larger run's steps are one blob in container <c>agentops-runs</c>, written before the
/// row that points at it so a row never names a missing blob.
/// </summary>
public sealed class AzureTrajectoryStore(AzureStorageAccount account, Serializer serializer) : ITrajectoryStore
{
    public const string TableName = "agentopsruns";
    public const string ContainerName = "agentops-runs";

    /// <summary>Compressed steps up to this size stay in the row (a table property holds 64 KiB).</summary>
    public const int InlineBytes = 60 * 1024;

    private const int TransactionRows = 100;
    private const int TransactionBytes = 3 * 1024 * 1024; // a table transaction carries at most 4 MiB
    private const int ParallelUploads = 8;

    private readonly RetryingLazy<TableClient> _table = account.Table(TableName);

    private readonly RetryingLazy<BlobContainerClient> _container = account.Container(ContainerName);

    public async Task SaveAsync(string project, int shard, IReadOnlyList<StoredRun> runs)
    {
        var key = PartitionKey(project, shard);
        var rows = runs.DistinctBy(r => r.Summary.RunId)
            .Select(run => (Run: run, Steps: run.Steps is null ? null : EventPayload.Write(serializer, run.Steps)))
            .ToList();
        var large = rows.Where(r => r.Steps is { Length: > InlineBytes }).ToList();
        if (large.Count > 0)
        {
            var container = await _container.Value;
            await Parallel.ForEachAsync(large, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads }, async (row, cancel) =>
                await container.GetBlobClient(BlobName(project, shard, row.Run.Summary.RunId)).UploadAsync(BinaryData.FromBytes(row.Steps!), overwrite: true, cancel));
        }

        // A run stored again without a blob may have had one: the new row no longer points to it, so retention never would.
        foreach (var (run, _) in rows.Where(r => r.Run.ReplacesSteps && r.Steps is not { Length: > InlineBytes }))
        {
            await (await _container.Value).GetBlobClient(BlobName(project, shard, run.Summary.RunId)).DeleteIfExistsAsync();
        }

        var table = await _table.Value;
        foreach (var batch in Batches(rows.Select(r => Row(key, r.Run, r.Steps))))
        {
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        }
    }

    public async Task<StoredRun?> GetAsync(string project, int shard, string runId)
    {
        var table = await _table.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(project, shard), runId);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var summary = serializer.Deserialize<RunSummary>(entity.GetBinary("Summary"))
            ?? throw new InvalidDataException($"Run row {entity.PartitionKey}/{runId} of table {TableName} has no Summary.");
        var stepsDropped = entity.GetString("StepsDropped");
        List<AgentEvent>? steps = null;
        if (entity.GetBinary("Steps") is { } inline)
        {
            steps = EventPayload.Read(serializer, inline);
        }
        else if (entity.GetBoolean("HasSteps") == true)
        {
            try
            {
                var blob = await (await _container.Value).GetBlobClient(BlobName(project, shard, runId)).DownloadContentAsync();
                steps = EventPayload.Read(serializer, blob.Value.Content.ToArray());
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                stepsDropped = StepsDropped.Expired; // retention deleted the blob between the row read and the download
            }
        }

        return new StoredRun(summary, steps, stepsDropped, entity.GetString("Reason") ?? string.Empty, entity.GetDateTimeOffset("SavedAt") ?? default);
    }

    public async Task<int> ExpireAsync(string project, int shard, DateTimeOffset stepsBefore, DateTimeOffset runsBefore)
    {
        var table = await _table.Value;
        var container = await _container.Value;
        var key = PartitionKey(project, shard);
        var changes = new List<TableTransactionAction>();
        var stepsDeleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and SavedAt lt {stepsBefore}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            var hadSteps = row.GetBoolean("HasSteps") == true;
            if (hadSteps)
            {
                if (row.GetBinary("Steps") is null)
                {
                    await container.GetBlobClient(BlobName(project, shard, row.RowKey)).DeleteIfExistsAsync();
                }

                stepsDeleted++;
            }

            if (row.GetDateTimeOffset("SavedAt") < runsBefore)
            {
                changes.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
            else if (hadSteps)
            {
                // Replace, not merge: the inline steps must go with the row's new state.
                row.Remove("Steps");
                row["HasSteps"] = false;
                row["StepsDropped"] = StepsDropped.Expired;
                changes.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, ETag.All));
            }
        }

        foreach (var batch in changes.Chunk(TransactionRows))
        {
            await table.SubmitTransactionAsync(batch);
        }

        return stepsDeleted;
    }

    private TableEntity Row(string key, StoredRun run, byte[]? steps)
    {
        var row = new TableEntity(key, run.Summary.RunId)
        {
            ["Summary"] = serializer.SerializeToArray(run.Summary),
            ["HasSteps"] = steps is not null,
            ["StepsDropped"] = run.StepsDropped,
            ["Reason"] = run.Reason,
            ["SavedAt"] = run.SavedAt,
        };
        if (steps is { Length: <= InlineBytes })
        {
            row["Steps"] = steps;
        }

        return row;
    }

    /// <summary>Rows in transactions of at most 100 rows and about 3 MiB.</summary>
    private static IEnumerable<List<TableEntity>> Batches(IEnumerable<TableEntity> rows)
    {
        var batch = new List<TableEntity>();
        var bytes = 0;
        foreach (var row in rows)
        {
            var size = (row.GetBinary("Steps")?.Length ?? 0) + (row.GetBinary("Summary")?.Length ?? 0) + 256;
            if (batch.Count == TransactionRows || (batch.Count > 0 && bytes + size > TransactionBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(row);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Project and run ids never contain the characters table keys forbid (/ \ # ? and control characters).</summary>
    private static string PartitionKey(string project, int shard) => string.Create(CultureInfo.InvariantCulture, $"{project}~{shard:D4}");

    private static string BlobName(string project, int shard, string runId) => string.Create(CultureInfo.InvariantCulture, $"{project}/{shard:D4}/{runId}");
}
