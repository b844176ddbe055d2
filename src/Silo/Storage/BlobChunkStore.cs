using Azure;
using Azure.Storage.Blobs;
using AgentOps.Events;
using AgentOps.Ingest;
using Orleans.Serialization;

namespace AgentOps.Silo.Storage;

/// <summary>
/// Claim-checked chunks in Azure Blob storage (container <c>agentops-chunks</c>): an Azure queue message holds at most
/// 64 KiB, so a chunk above <see cref="MaxInlineBytes"/> is stored here and only its name travels through the queue.
/// </summary>
public sealed class BlobChunkStore(AzureStorageAccount account, Serializer serializer) : IChunkStore
{
    public const string ContainerName = "agentops-chunks";

    private readonly RetryingLazy<BlobContainerClient> _container = account.Container(ContainerName);

    /// <summary>Base64 of 48 KiB fills a 64 KiB message; the estimate stays well below with headroom for the envelope.</summary>
    public int MaxInlineBytes => 40_000;

    public async Task<string> PutAsync(string project, IReadOnlyList<AgentEvent> events)
    {
        var name = $"{project}/{Guid.NewGuid():N}";
        var container = await _container.Value;
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(EventPayload.Write(serializer, events)));
        return name;
    }

    public async Task<IReadOnlyList<AgentEvent>> GetAsync(string reference)
    {
        var container = await _container.Value;
        try
        {
            var content = await container.GetBlobClient(reference).DownloadContentAsync();
            return EventPayload.Read(serializer, content.Value.Content.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted after it was journaled: this is a redelivery of a chunk already counted.
            return [];
        }
    }

    public async Task DeleteAsync(string reference)
    {
        var container = await _container.Value;
        await container.GetBlobClient(reference).DeleteIfExistsAsync();
    }
}
