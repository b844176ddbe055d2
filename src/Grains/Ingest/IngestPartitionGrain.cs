using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace AgentOps.Ingest;

/// <summary>
/// Consumes one partition of a project's event stream. For every chunk it drops event ids counted before, judges
/// tool calls against the agent's policy and gathers the events; every <see cref="IngestOptions.FlushInterval"/> it
/// fans the gathered events out, one message per grain per flush, in an order every grain can check.
/// </summary>
[ImplicitStreamSubscription(IngestStreams.Namespace)]
[CollectionAgeLimit(AlwaysActive = true)] // a fixed, small set per project whose de-duplication memory must not lapse
public sealed partial class IngestPartitionGrain(
    IOptions<IngestOptions> options,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    ILogger<IngestPartitionGrain> logger)
    : Grain, IIngestPartitionGrain, IStreamSubscriptionObserver, IAsyncObserver<EventChunk>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, AutonomyPolicy?> _policies = new(StringComparer.Ordinal);
    private readonly List<AgentEvent> _gathered = [];
    private readonly DeliveryOutbox _outbox = new();
    private EventIdLedger _ids = null!;
    private string _project = string.Empty;
    private int _partition;
    private long _flush;
    private IGrainTimer? _flushTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string partition;
        (_project, partition) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _partition = int.Parse(partition, CultureInfo.InvariantCulture);
        _ids = new EventIdLedger(options.Value.DedupeHorizon, options.Value.DedupeMaxIdsPerPartition);

        // Flush numbers must keep increasing across activations: start from the clock's ticks, which outpace flushes.
        _flush = time.GetUtcNow().UtcTicks;
        return base.OnActivateAsync(cancellationToken);
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

    public async Task OnNextAsync(EventChunk chunk, StreamSequenceToken? token = null)
    {
        await LoadPoliciesAsync(chunk.Events);
        var now = time.GetUtcNow();
        var dropped = 0;
        foreach (var e in chunk.Events)
        {
            if (_ids.TryMarkProcessed(KeyHash.Of(e.Id), chunk.Tag, now))
            {
                _gathered.Add(Judge(e));
            }
            else
            {
                dropped++;
            }
        }

        if (dropped > 0)
        {
            LogDuplicatesDropped(_project, _partition, dropped);
        }

        _flushTimer ??= this.RegisterGrainTimer(
            FlushAsync,
            new GrainTimerCreationOptions(options.Value.FlushInterval, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, _project, _partition);
        return Task.CompletedTask;
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
        if (_gathered.Count > 0)
        {
            var flush = ++_flush;
            foreach (var (target, events) in FlushPlan.Build(_project, _gathered, options.Value.TrajectoryShards))
            {
                _outbox.Enqueue(target, new EntityDelivery(_partition, flush, events));
            }

            _gathered.Clear();
        }

        if (_outbox.PendingTargets == 0)
        {
            return;
        }

        var failures = await _outbox.DrainAsync(GrainFactory);
        if (failures.Count > 0)
        {
            LogDeliveryFailed(failures[0].Error, _project, _partition, failures.Count, failures[0].Target.Key);
            _flushTimer = this.RegisterGrainTimer(
                FlushAsync,
                new GrainTimerCreationOptions(RetryDelay, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Partition {Project}/{Partition} dropped {Count} events counted before")]
    private partial void LogDuplicatesDropped(string project, int partition, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Project}/{Partition}: {Count} grains did not take their delivery (first: {Target}); retrying")]
    private partial void LogDeliveryFailed(Exception error, string project, int partition, int count, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event stream error on partition {Project}/{Partition}")]
    private partial void LogStreamError(Exception error, string project, int partition);
}
