using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>Publishes events the way the ingest API does: one chunk per partition, then registers the chunk's ids.</summary>
internal sealed class ClusterPublisher(IClusterClient client, string project)
{
    private readonly IngestOptions _options = new();

    public async Task<int> PublishAsync(IReadOnlyList<AgentEvent> events)
    {
        var duplicates = 0;
        foreach (var part in events.GroupBy(e => KeyHash.Bucket(e.AgentId, _options.Partitions)))
        {
            var key = GrainKeys.For(project, part.Key.ToString(CultureInfo.InvariantCulture));
            var tag = Random.Shared.NextInt64(1, long.MaxValue >> 2);
            var stream = client.GetStreamProvider(IngestStreams.Provider).GetStream<EventChunk>(StreamId.Create(IngestStreams.Namespace, key));
            foreach (var chunk in part.Chunk(500))
            {
                await stream.OnNextAsync(new EventChunk(tag, project, part.Key, chunk));
                duplicates += (await client.GetGrain<IIngestPartitionGrain>(key).RegisterPublishedAsync(tag, chunk.Select(e => KeyHash.Of(e.Id)).ToArray())).Length;
            }
        }

        return duplicates;
    }
}
