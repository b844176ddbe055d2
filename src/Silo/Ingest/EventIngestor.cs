using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Ingest;

/// <summary>
/// Validates a batch, splits it by partition and hands each part to the event stream: one stream item per
/// partition per request, never one per event. After the hand-off each partition answers which ids an earlier
/// request already claimed, which the response reports as duplicates; the partition drops those again when it
/// consumes the item, so a duplicate is never counted twice even when the two requests race.
/// </summary>
public sealed partial class EventIngestor(
    IClusterClient cluster,
    IChunkStore chunkStore,
    EventValidator validator,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<IngestOptions> options,
    SiloCounters counters,
    ILogger<EventIngestor> logger)
{
    public async Task<IngestOutcome> IngestAsync(string project, IReadOnlyList<EventDraft> drafts)
    {
        var now = time.GetUtcNow();
        var errors = new List<ItemError>();
        var accepted = new List<AgentEvent>(drafts.Count);
        var idsInRequest = new HashSet<string>(drafts.Count, StringComparer.Ordinal);
        var duplicates = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            var (e, error) = validator.Validate(drafts[i], i, now);
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (!idsInRequest.Add(e!.Id))
            {
                duplicates++;
            }
            else
            {
                accepted.Add(e);
            }
        }

        var partitions = options.Value.Partitions;
        var chunks = accepted.GroupBy(e => KeyHash.Bucket(e.AgentId, partitions))
            .SelectMany(part => SplitBySize(part.ToList()).Select(events => (Partition: part.Key, Events: events)));
        var claimedBefore = await Task.WhenAll(chunks.Select(chunk => PublishAsync(project, chunk.Partition, chunk.Events)));
        duplicates += claimedBefore.Sum();
        if (errors.Count > 0)
        {
            LogRejected(project, errors.Count, drafts.Count, errors[0].Code, errors[0].Message);
        }

        var outcome = new IngestOutcome(accepted.Count - claimedBefore.Sum(), duplicates, errors);
        counters.Ingested(outcome.Accepted, outcome.Duplicates, errors.Count);
        return outcome;
    }

    /// <summary>Cuts a partition's events into chunks that fit one stream item (a queue message in the AzureStorage profile).</summary>
    private IEnumerable<List<AgentEvent>> SplitBySize(List<AgentEvent> events)
    {
        var limit = chunkStore.MaxInlineBytes;
        var chunk = new List<AgentEvent>();
        var bytes = 0;
        foreach (var e in events)
        {
            var size = limit == int.MaxValue ? 0 : EventSize.Estimate(e);
            if (chunk.Count > 0 && bytes + size > limit)
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(e);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task<int> PublishAsync(string project, int partition, List<AgentEvent> events)
    {
        var key = GrainKeys.For(project, partition.ToString(CultureInfo.InvariantCulture));
        var tag = Random.Shared.NextInt64(1, long.MaxValue >> 2);
        var stream = cluster.GetStreamProvider(IngestStreams.Provider)
            .GetStream<EventChunk>(StreamId.Create(IngestStreams.Namespace, key));
        try
        {
            // A single event larger than a queue message travels as a claim check.
            var chunk = events.Count == 1 && chunkStore.MaxInlineBytes != int.MaxValue && EventSize.Estimate(events[0]) > chunkStore.MaxInlineBytes
                ? new EventChunk(tag, project, partition, [], await chunkStore.PutAsync(project, events))
                : new EventChunk(tag, project, partition, events);
            await stream.OnNextAsync(chunk);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("maximum", StringComparison.Ordinal))
        {
            counters.RefusedRequest();
            throw new IngestUnavailableException(overloaded: true, "The event pipeline is full; retry shortly.", ex);
        }
        catch (Exception ex) when (ex is not IngestUnavailableException)
        {
            counters.RefusedRequest();
            LogHandOffFailed(ex, project, partition);
            throw new IngestUnavailableException(overloaded: false, "The event stream did not take the events; nothing of this request was accepted.", ex);
        }

        var hashes = new ulong[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            hashes[i] = KeyHash.Of(events[i].Id);
        }

        try
        {
            var claimed = await cluster.Reference<IIngestPartitionGrain>(key).RegisterPublishedAsync(tag, hashes);
            return claimed.Length;
        }
        catch (Exception ex)
        {
            LogHandOffFailed(ex, project, partition);
            // The events are durably in the stream and will be counted; only the duplicate report is unknown. A 503 makes
            // the sender retry, and the retry is reported as duplicates.
            throw new IngestUnavailableException(overloaded: false, "The events were handed off but the partition did not answer; retry to learn which were duplicates.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {Project}: partition {Partition} did not take a chunk; answering 503")]
    private partial void LogHandOffFailed(Exception error, string project, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Project}: rejected {Rejected} of {Total} events (first: {Code}: {Message})")]
    private partial void LogRejected(string project, int rejected, int total, string code, string message);
}
