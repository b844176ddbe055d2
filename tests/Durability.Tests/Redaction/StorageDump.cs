using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;

namespace AgentOps.Durability.Tests.Redaction;

/// <summary>Reads everything in an Azure Storage account (every table row, blob and queued message) into a scanner.</summary>
internal static class StorageDump
{
    public static async Task<int> ScanAsync(string connectionString, SecretScanner scanner)
    {
        var items = 0;
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                items++;
                var where = $"table {table.Name} row {row.PartitionKey}/{row.RowKey}";
                var binary = new List<byte>();
                foreach (var (name, value) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    switch (value)
                    {
                        case string text:
                            scanner.Scan($"{where} {name}", text);
                            break;
                        case byte[] bytes:
                            scanner.Scan($"{where} {name}", bytes);
                            binary.AddRange(bytes);
                            break;
                        case BinaryData data:
                            scanner.Scan($"{where} {name}", data.ToArray());
                            binary.AddRange(data.ToArray());
                            break;
                    }
                }

                scanner.Scan(where + " (all binary properties)", binary.ToArray()); // large payloads are split over properties
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None, null, CancellationToken.None))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None))
            {
                items++;
                scanner.Scan($"blob {container.Name}/{blob.Name}", (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray());
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                items++;
                var text = message.Body.ToString();
                scanner.Scan($"queue {queue.Name}", text);
                try
                {
                    scanner.Scan($"queue {queue.Name} (base64)", Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                }
            }
        }

        return items;
    }
}
