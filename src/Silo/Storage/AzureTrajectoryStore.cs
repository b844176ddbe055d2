using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using AgentOps.Runs;
using Orleans.Serialization;

namespace AgentOps.Silo.Storage;

/// <summary>
/// Stored runs in the AzureStorage profile. A run's totals are one row of table <c>agentopsruns</c> (partition
/// <c>{project}~{shard}</c>, row = run id), so a shard's save of up to 100 runs is one table transaction; the steps of
/// a kept run are one blob in container <c>agentops-runs</c> (Orleans-serialized, Brotli-compressed), written before
/// the row that points at it so a row never names a missing blob.
/// </summary>
public sealed class AzureTrajectoryStore(AzureStorageAccount account, Serializer serializer) : ITrajectoryStore
{
    public const string TableName = "agentopsruns";
    public const string ContainerName = "agentops-runs";

    private const int TransactionRows = 100;
    private const int ParallelUploads = 8;

    private readonly RetryingLazy<TableClient> _table = new(async () =>
    {
        var table = account.Tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    private readonly RetryingLazy<BlobContainerClient> _container = new(async () =>
    {
        var container = account.Blobs.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync();
        return container;
    });

    public async Task SaveAsync(string project, int shard, IReadOnlyList<StoredRun> runs)
    {
        var container = await _container.Value;
        await Parallel.ForEachAsync(
            runs.Where(r => r.Steps is not null),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads },
            async (run, cancel) => await container.GetBlobClient(BlobName(project, shard, run.Summary.RunId))
                .UploadAsync(BinaryData.FromBytes(EventPayload.Write(serializer, run.Steps!)), overwrite: true, cancel));

        var table = await _table.Value;
        var key = PartitionKey(project, shard);
        foreach (var batch in runs.DistinctBy(r => r.Summary.RunId).Chunk(TransactionRows))
        {
            await table.SubmitTransactionAsync(batch.Select(run => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(key, run))));
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
        List<Events.AgentEvent>? steps = null;
        if (entity.GetBoolean("HasSteps") == true)
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
        var expired = new List<TableTransactionAction>();
        var deleted = new List<TableTransactionAction>();
        var stepsDeleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key} and SavedAt lt {stepsBefore}"), select: ["PartitionKey", "RowKey", "SavedAt", "HasSteps"]))
        {
            if (row.GetBoolean("HasSteps") == true)
            {
                await container.GetBlobClient(BlobName(project, shard, row.RowKey)).DeleteIfExistsAsync();
                stepsDeleted++;
            }

            if (row.GetDateTimeOffset("SavedAt") < runsBefore)
            {
                deleted.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
            else if (row.GetBoolean("HasSteps") == true)
            {
                var update = new TableEntity(key, row.RowKey) { ["HasSteps"] = false, ["StepsDropped"] = StepsDropped.Expired };
                expired.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, ETag.All));
            }
        }

        foreach (var batch in expired.Concat(deleted).Chunk(TransactionRows))
        {
            await table.SubmitTransactionAsync(batch);
        }

        return stepsDeleted;
    }

    private TableEntity Row(string key, StoredRun run) => new(key, run.Summary.RunId)
    {
        ["Summary"] = serializer.SerializeToArray(run.Summary),
        ["HasSteps"] = run.Steps is not null,
        ["StepsDropped"] = run.StepsDropped,
        ["Reason"] = run.Reason,
        ["SavedAt"] = run.SavedAt,
    };

    /// <summary>Project and run ids never contain the characters table keys forbid (/ \ # ? and control characters).</summary>
    private static string PartitionKey(string project, int shard) => string.Create(CultureInfo.InvariantCulture, $"{project}~{shard:D4}");

    private static string BlobName(string project, int shard, string runId) => string.Create(CultureInfo.InvariantCulture, $"{project}/{shard:D4}/{runId}");
}
