using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using AgentOps.Hosting;
using AgentOps.Silo.Hosting;
using AgentOps.Silo.Telemetry;

namespace AgentOps.Silo.Storage;

/// <summary>
/// The Azure Storage account of the AzureStorage profile: table, queue and blob clients from a connection string
/// (Azurite: <c>UseDevelopmentStorage=true</c>) or from the account's service URI with <see cref="DefaultAzureCredential"/>
/// (managed identity in Azure). Given the blob URI <c>https://acct.blob.core.windows.net/</c>, the table and queue
/// endpoints are the same account's <c>.table.</c> and <c>.queue.</c> hosts.
/// </summary>
public sealed class AzureStorageAccount
{
    public AzureStorageAccount(StorageConnectionOptions options, SiloCounters counters)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new StorageRequestCounter(counters, "table"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(new StorageRequestCounter(counters, "queue"), HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new StorageRequestCounter(counters, "blob"), HttpPipelinePosition.PerRetry);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else if (options.ServiceUri is { } serviceUri)
        {
            TokenCredential credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(StorageEndpoints.Of(serviceUri, "table"), credential, tableOptions);
            Queues = new QueueServiceClient(StorageEndpoints.Of(serviceUri, "queue"), credential, queueOptions);
            Blobs = new BlobServiceClient(StorageEndpoints.Of(serviceUri, "blob"), credential, blobOptions);
        }
        else
        {
            throw new InvalidOperationException(
                "The AzureStorage profile needs AgentOps:Storage:ConnectionString (e.g. UseDevelopmentStorage=true for Azurite) or AgentOps:Storage:ServiceUri.");
        }
    }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>A table, created on first use (and tried again after a failure).</summary>
    public RetryingLazy<TableClient> Table(string name) => new(async () =>
    {
        var table = Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    /// <summary>A blob container, created on first use (and tried again after a failure).</summary>
    public RetryingLazy<BlobContainerClient> Container(string name) => new(async () =>
    {
        var container = Blobs.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync();
        return container;
    });
}
