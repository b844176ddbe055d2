using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace AgentOps.Ingest;

/// <summary>
/// Consumes one partition of a project's event stream. For every chunk it drops event ids counted before, judges tool
/// calls against the agent's policy and journals the rest before the stream may forget the chunk; every
/// <see cref="IngestOptions.FlushInterval"/> it fans the gathered events out, one message per grain per flush, under
/// flush numbers every grain can check. A new activation replays the flushes some grain has not yet checkpointed.
/// </summary>
[ImplicitStreamSubscription(IngestStreams.Namespace)]
[CollectionAgeLimit(AlwaysActive = true)] // a fixed, small set per project whose de-duplication memory must not lapse
public sealed partial class IngestPartitionGrain(
    IOptions<IngestOptions> options,
    IEventJournal journal,
    IChunkStore chunks,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<IngestPartitionGrain> logger)
    : Grain, IIngestPartitionGrain, IStreamSubscriptionObserver, IAsyncObserver<EventChunk>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TruncateEvery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the partition trusts its copy of the agents' policies. A change is pushed at once
    /// (<see cref="PolicyChangedAsync"/>); this bounds how long a push that failed leaves tool calls judged by an old one.
    /// </summary>
    public static readonly TimeSpan PolicyCopyLifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, AutonomyPolicy?> _policies = new(StringComparer.Ordinal);
    private readonly List<AgentEvent> _gathered = [];
    private readonly DeliveryOutbox _outbox = new();
    private readonly CheckpointTracker _checkpoints = new();
    private EventIdLedger _ids = null!;
    private string _project = string.Empty;
    private int _partition;
    private long _epoch;
    private long _flushesInEpoch;
    private long _openFlush;
    private int _openSequence;
    private IGrainTimer? _flushTimer;
    private DateTimeOffset _policiesCopiedAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string partition;
        (_project, partition) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _partition = int.Parse(partition, CultureInfo.InvariantCulture);
        _ids = new EventIdLedger(options.Value.DedupeHorizon, options.Value.DedupeMaxIdsPerPartition);

        var recovery = await journal.RecoverAsync(_project, _partition, time.GetUtcNow() - options.Value.DedupeHorizon);
        _epoch = recovery.Epoch;
        _openFlush = NextFlush();
        foreach (var (at, ids) in recovery.RecentIds)
        {
            foreach (var id in ids)
            {
                _ids.TryMarkProcessed(id, 0, at);
            }
        }

        foreach (var flush in recovery.Unconfirmed.GroupBy(e => e.Flush).OrderBy(g => g.Key))
        {
            Plan(flush.Key, [.. flush.SelectMany(e => e.Events)]);
        }

        if (recovery.Unconfirmed.Count > 0)
        {
            LogReplaying(_project, _partition, recovery.Unconfirmed.Count, _outbox.PendingTargets);
            ScheduleFlush(TimeSpan.Zero);
        }

        if (journal.IsDurable)
        {
            this.RegisterGrainTimer(TruncateAsync, new GrainTimerCreationOptions(TruncateEvery, TruncateEvery) { Interleave = false });
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<EventChunk>().ResumeAsync(this);

    public Task<int[]> RegisterPublishedAsync(long chunkTag, ulong[] eventIdHashes) =>
        Task.FromResult(_ids.RegisterPublished(chunkTag, eventIdHashes, time.GetUtcNow()));

    public Task PolicyChangedAsync(string agentId, AutonomyPolicy? policy)
    {
        _policies[agentId] = policy;
        return Task.CompletedTask;
    }

    public Task ConfirmCheckpointAsync(DeliveryTargetKind kind, string grainKey, long upToFlush)
    {
        _checkpoints.Confirmed(new DeliveryTarget(kind, grainKey), upToFlush);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<EntityDelivery>> ReplayForAsync(DeliveryTargetKind kind, string grainKey, long afterFlush)
    {
        var target = new DeliveryTarget(kind, grainKey);
        // Entity grains only need what they acknowledged and may have lost (the rest is still in the outbox); trajectory
        // shards keep no watermark and need every unconfirmed flush to recognise runs they already stored.
        if (_checkpoints.ToReplay(target, afterFlush, undeliveredToo: kind == DeliveryTargetKind.Trajectory) is not { } range)
        {
            return [];
        }

        var entries = await journal.ReadAsync(_project, _partition, range.After, range.UpTo);
        var deliveries = new List<EntityDelivery>();
        foreach (var flush in entries.GroupBy(e => e.Flush).OrderBy(g => g.Key))
        {
            if (FlushPlan.Build(_project, [.. flush.SelectMany(e => e.Events)], options.Value.TrajectoryShards).TryGetValue(target, out var events))
            {
                deliveries.Add(new EntityDelivery(_partition, flush.Key, events));
            }
        }

        return deliveries;
    }

    public async Task OnNextAsync(EventChunk chunk, StreamSequenceToken? token = null)
    {
        var events = chunk.PayloadRef is { } reference ? await chunks.GetAsync(reference) : chunk.Events;
        await LoadPoliciesAsync(events);
        var now = time.GetUtcNow();
        var accepted = new List<AgentEvent>(events.Count);
        var hashes = new List<ulong>(events.Count);
        foreach (var e in events)
        {
            var hash = KeyHash.Of(e.Id);
            if (!_ids.IsProcessed(hash))
            {
                accepted.Add(Judge(e));
                hashes.Add(hash);
            }
        }

        if (events.Count > accepted.Count)
        {
            LogDuplicatesDropped(_project, _partition, events.Count - accepted.Count);
        }

        if (accepted.Count == 0)
        {
            await ForgetPayloadAsync(chunk);
            return;
        }

        // Durable before returning: once this returns, the stream may delete the chunk. If the journal fails, the
        // exception makes the stream redeliver the chunk later, and no id has been marked as counted yet.
        await journal.AppendAsync(_project, _partition, new JournalEntry(_openFlush, _openSequence++, now, accepted, [.. hashes]));
        foreach (var hash in hashes)
        {
            _ids.TryMarkProcessed(hash, chunk.Tag, now);
        }

        _gathered.AddRange(accepted);
        ScheduleFlush(options.Value.FlushInterval);
        await ForgetPayloadAsync(chunk);
    }

    /// <summary>Deletes a claim-checked chunk's stored events once journaled (a failed delete only leaves garbage behind).</summary>
    private async Task ForgetPayloadAsync(EventChunk chunk)
    {
        if (chunk.PayloadRef is { } reference)
        {
            try
            {
                await chunks.DeleteAsync(reference);
            }
            catch (Exception ex)
            {
                LogPayloadNotDeleted(ex, reference);
            }
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, _project, _partition);
        return Task.CompletedTask;
    }

    private long NextFlush() => (_epoch << 32) | ++_flushesInEpoch;

    private void ScheduleFlush(TimeSpan due) =>
        _flushTimer ??= this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false });

    /// <summary>Queues one delivery per target grain for a flush and notes the targets that must confirm it.</summary>
    private void Plan(long flush, IReadOnlyList<AgentEvent> events)
    {
        foreach (var (target, targetEvents) in FlushPlan.Build(_project, events, options.Value.TrajectoryShards))
        {
            _outbox.Enqueue(target, new EntityDelivery(_partition, flush, targetEvents));
            if (journal.IsDurable)
            {
                _checkpoints.Sent(target, flush);
            }
        }
    }

    private AgentEvent Judge(AgentEvent e)
    {
        if (e.Type != EventType.ToolCall)
        {
            return e;
        }

        var reasons = PolicyJudge.Violations(_policies.GetValueOrDefault(e.AgentId), e);
        return reasons.Count == 0 ? e : e with { Violations = reasons };
    }

    private async Task LoadPoliciesAsync(IReadOnlyList<AgentEvent> events)
    {
        var now = time.GetUtcNow();
        if (now - _policiesCopiedAt > PolicyCopyLifetime)
        {
            _policies.Clear();
            _policiesCopiedAt = now;
        }

        var missing = events.Where(e => e.Type == EventType.ToolCall && !_policies.ContainsKey(e.AgentId))
            .Select(e => e.AgentId).Distinct(StringComparer.Ordinal).ToList();
        var policies = await Task.WhenAll(missing.Select(agent => GrainFactory.GetGrain<IAgentGrain>(GrainKeys.For(_project, agent)).GetPolicyAsync()));
        for (var i = 0; i < missing.Count; i++)
        {
            _policies.TryAdd(missing[i], policies[i]);
        }
    }

    private async Task FlushAsync()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        if (!journal.IsDurable && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return; // the Local profile's silo is stopping: the entity grains end with it, and each delivery would only fail
        }

        if (_gathered.Count > 0)
        {
            Plan(_openFlush, [.. _gathered]);
            _gathered.Clear();
            _openFlush = NextFlush();
            _openSequence = 0;
        }

        if (_outbox.PendingTargets == 0)
        {
            return;
        }

        var failures = await _outbox.DrainAsync(GrainFactory, _checkpoints.Delivered);
        if (failures.Count > 0)
        {
            LogDeliveryFailed(failures[0].Error, _project, _partition, failures.Count, failures[0].Target.Key);
            ScheduleFlush(RetryDelay);
        }
    }

    /// <summary>Deletes the journaled events every grain has checkpointed, and the ids older than the de-duplication horizon.</summary>
    private async Task TruncateAsync()
    {
        try
        {
            var before = _checkpoints.OldestUnconfirmed() ?? _openFlush;
            await journal.TruncateAsync(_project, _partition, before, time.GetUtcNow() - options.Value.DedupeHorizon);
        }
        catch (Exception ex)
        {
            LogTruncateFailed(ex, _project, _partition); // harmless: the next tick tries again
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Partition {Project}/{Partition} dropped {Count} events counted before")]
    private partial void LogDuplicatesDropped(string project, int partition, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Project}/{Partition}: {Count} grains did not take their delivery (first: {Target}); retrying")]
    private partial void LogDeliveryFailed(Exception error, string project, int partition, int count, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event stream error on partition {Project}/{Partition}")]
    private partial void LogStreamError(Exception error, string project, int partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Project}/{Partition} replays {Entries} journaled chunks to {Targets} grains")]
    private partial void LogReplaying(string project, int partition, int entries, int targets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the stored chunk {Reference} after journaling it")]
    private partial void LogPayloadNotDeleted(Exception error, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Project}/{Partition} could not truncate its journal; retrying later")]
    private partial void LogTruncateFailed(Exception error, string project, int partition);
}
