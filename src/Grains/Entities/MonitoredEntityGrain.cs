using AgentOps.Alerts;
using AgentOps.Events;
using AgentOps.Fleet;
using AgentOps.Ingest;
using AgentOps.Policy;
using AgentOps.Rules;
using Orleans.Utilities;

namespace AgentOps.Entities;

/// <summary>
/// What agent, route and user grains share: apply deliveries to the <see cref="Monitoring.EntityMonitor"/>, judge the
/// project's rules that match the entity (after every delivery, at most every <see cref="RulesOptions.MinJudgeSpacing"/>,
/// and on a timer while an alert is pending or firing), answer snapshots, register in the project's directory, publish
/// changes (a fleet row at most every second, a change notice to subscribed dashboards), and write state lazily
/// (on deactivation, and with a durable journal every <see cref="IngestOptions.CheckpointInterval"/> while there are changes).
/// </summary>
public abstract class MonitoredEntityGrain<TState>(
    IPersistentState<TState> state,
    EntityGrainServices services,
    EntityKind kind) : Grain, IMonitoredEntityGrain
    where TState : EntityGrainState, new()
{
    /// <summary>How often an entity publishes its fleet row and notifies dashboards, at most.</summary>
    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(1);

    private readonly BaselineCache _baselines = new();
    private readonly Dictionary<int, long> _appliedSinceCheckpoint = [];
    private readonly AlertReportQueue _reports = new();
    private ObserverManager<IEntityObserver>? _observers;
    private GrainThrottle? _judge;
    private GrainThrottle? _publish;
    private IGrainTimer? _checkpointTimer;
    private IGrainTimer? _judgeTimer;
    private bool _dirty;
    private bool _registered;

    /// <summary>The project this entity belongs to.</summary>
    protected string Project { get; private set; } = string.Empty;

    /// <summary>The entity id within its project.</summary>
    protected string EntityId { get; private set; } = string.Empty;

    /// <summary>The persisted state.</summary>
    protected TState State => state.State;

    /// <summary>The monitoring clock.</summary>
    protected TimeProvider Time => services.Time;

    /// <summary>True once the silo has begun to stop: calls to grains that are deactivating with it would only fail.</summary>
    private bool SiloStopping => services.SiloStopping;

    /// <summary>Ingest settings.</summary>
    protected IngestOptions Options => services.Ingest.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (Project, EntityId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        _judge = new GrainThrottle(this, services.Rules.Value.MinJudgeSpacing, JudgeAsync);
        _publish = new GrainThrottle(this, PublishEvery, PublishAsync);
        var recovered = services.Journal.IsDurable && await RecoverAsync();
        UpdateJudgeTimer();
        await base.OnActivateAsync(cancellationToken);
        if (recovered)
        {
            await AfterNewEventsAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            // Not the deactivation token: a collection that is already past its deadline must still save the state.
            await state.WriteStateAsync(CancellationToken.None);
            ConfirmCheckpoint();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task ApplyAsync(EntityDelivery delivery)
    {
        // A repeat changes nothing, unless this activation has not yet registered and judged: the delivery that woke it
        // may have been applied already by the activation's own recovery from the journal.
        if (Apply(delivery) || !_registered)
        {
            await AfterNewEventsAsync();
        }
    }

    private async Task AfterNewEventsAsync()
    {
        if (!_registered)
        {
            // Once per activation: registration is idempotent, so this also heals a directory that lost an entry.
            var shard = KeyHash.Bucket(EntityId, Options.DirectoryShards);
            await GrainFactory.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard(Project, kind.ToWire(), shard)).RegisterAsync(EntityId);
            _registered = true;
        }

        await _judge!.RunSoonAsync();
        await _publish!.RunSoonAsync();
    }

    public Task<EntitySnapshot?> GetSnapshotAsync(TimeSpan window) =>
        Task.FromResult(State.Monitor.LastEventAt is null
            ? null
            : State.Monitor.Snapshot(EntityId, kind, window, services.Time.GetUtcNow()) with { Alerts = State.Alerts.Current() });

    public Task<bool> ExistsAsync() => Task.FromResult(State.Monitor.LastEventAt is not null);

    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(TimeSpan window) =>
        Task.FromResult<IReadOnlyList<SeriesPoint>>(State.Monitor.Windows.Series(window, services.Time.GetUtcNow())
            .Select(p => new SeriesPoint(p.Start, p.Totals.ToView())).ToList());

    public Task SubscribeAsync(IEntityObserver observer)
    {
        (_observers ??= new ObserverManager<IEntityObserver>(FleetGrainLimits.ObserverLifetime, services.Logger)).Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IEntityObserver observer)
    {
        _observers?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task AcknowledgeAlertAsync(string alertId, string by, string? comment)
    {
        if (State.Alerts.Acknowledge(alertId, by, comment, services.Time.GetUtcNow()) is null)
        {
            return Task.CompletedTask;
        }

        MarkDirty();
        return _publish!.RunSoonAsync();
    }

    /// <summary>Applies a delivery unless it was applied before; true when it counted.</summary>
    private bool Apply(EntityDelivery delivery)
    {
        if (!State.Watermarks.TryAdvance(delivery.Partition, delivery.Flush))
        {
            // Held already: a partition that restarted replays what it had not seen confirmed. Confirm it as well (now,
            // if the state is stored), or the partition waits for this grain forever and never truncates its journal again.
            _appliedSinceCheckpoint[delivery.Partition] = Math.Max(_appliedSinceCheckpoint.GetValueOrDefault(delivery.Partition), delivery.Flush);
            if (!_dirty)
            {
                ConfirmCheckpoint();
            }

            return false;
        }

        var now = services.Time.GetUtcNow();
        foreach (var e in delivery.Events)
        {
            State.Monitor.Apply(e, now);
            OnEventApplied(e);
        }

        _appliedSinceCheckpoint[delivery.Partition] = delivery.Flush;
        MarkDirty();
        return true;
    }

    /// <summary>
    /// After a crash this grain's memory is gone but its partitions journaled what they sent: ask each partition for the
    /// flushes after the last one this state has, and apply them before anything else (docs/durability.md).
    /// </summary>
    private async Task<bool> RecoverAsync()
    {
        var applied = false;
        var target = this.GetPrimaryKeyString();
        var partitions = kind == EntityKind.Agent
            ? [KeyHash.Bucket(EntityId, Options.Partitions)]
            : Enumerable.Range(0, Options.Partitions);
        foreach (var partition in partitions)
        {
            var replay = await PartitionGrain(partition).ReplayForAsync(DeliveryTarget.Of(kind, target).Kind, target, State.Watermarks.Of(partition));
            foreach (var delivery in replay)
            {
                applied |= Apply(delivery);
            }
        }

        return applied;
    }

    /// <summary>Tells each partition that its flushes up to the ones applied are now in stored state, so it may forget them.</summary>
    private void ConfirmCheckpoint()
    {
        if (!services.Journal.IsDurable || SiloStopping)
        {
            // Without a durable journal (the Local profile) partitions keep nothing to forget. While the silo stops, its
            // partitions deactivate too and the calls only fail; a partition elsewhere keeps those flushes a little
            // longer, and replays them to this entity's next activation, which drops them by its stored watermarks.
            return;
        }

        var target = this.GetPrimaryKeyString();
        foreach (var (partition, flush) in _appliedSinceCheckpoint)
        {
            PartitionGrain(partition).ConfirmCheckpointAsync(DeliveryTarget.Of(kind, target).Kind, target, flush).Ignore();
        }

        _appliedSinceCheckpoint.Clear();
    }

    private IIngestPartitionGrain PartitionGrain(int partition) =>
        GrainFactory.Reference<IIngestPartitionGrain>(GrainKeys.For(Project, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Called after every judgement of the rules (the alerts are current).</summary>
    protected virtual Task OnJudgedAsync() => Task.CompletedTask;

    /// <summary>The grain's current alerts.</summary>
    protected IReadOnlyList<AlertView> CurrentAlerts => State.Alerts.Current();

    /// <summary>Called for every applied event, after the monitor counted it.</summary>
    protected virtual void OnEventApplied(AgentEvent e)
    {
    }

    /// <summary>Notes an unsaved change; the next checkpoint writes it.</summary>
    protected void MarkDirty()
    {
        _dirty = true;
        if (!services.Journal.IsDurable)
        {
            // Without a durable journal (the Local profile) a checkpoint guards nothing a crash would not lose anyway:
            // the state is written on deactivation only, and the silo does not serialize every grain every interval.
            return;
        }

        // The first checkpoint falls at a random point of the interval: grains activated by the same burst of events
        // would otherwise all write at once, every interval, and stall the silo (and the storage partition) together.
        _checkpointTimer ??= this.RegisterGrainTimer(
            CheckpointAsync,
            new GrainTimerCreationOptions(Options.CheckpointInterval * (0.1 + (0.9 * Random.Shared.NextDouble())), Options.CheckpointInterval) { Interleave = false });
    }

    private async Task JudgeAsync()
    {
        if (SiloStopping)
        {
            // The rule book, the alert board and the trajectory shards (sampling decisions) deactivate with the silo, and
            // calls to them only fail. The alerts are in the state this grain saves, and its next activation judges again;
            // an undecided run is stored as it is once idle, which is what a lost decision amounts to.
            return;
        }

        var book = await services.RuleCache.GetAsync(Project);
        var now = services.Time.GetUtcNow();
        var applicable = book.Rules.Where(r => r.Scope == kind && Glob.IsMatch(r.Match, EntityId)).ToList();
        var changes = new List<AlertChange>();
        foreach (var rule in applicable)
        {
            var judgement = RuleJudge.Judge(rule, State.Monitor.Windows, now, _baselines);
            if (State.Alerts.Observe(rule, judgement, kind, EntityId, now) is { } change)
            {
                changes.Add(change);
            }
        }

        changes.AddRange(State.Alerts.CloseAllExcept(applicable.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), now));
        if (changes.Count > 0)
        {
            MarkDirty();
            _reports.Add(changes.Select(c => c.Alert));
        }

        UpdateJudgeTimer();
        await OnJudgedAsync();
        if (_reports.Count == 0)
        {
            return;
        }

        var board = GrainFactory.Reference<IAlertBoardGrain>(Project);
        await _reports.SendAsync(board.ReportAsync);
        await _publish!.RunSoonAsync();
    }

    /// <summary>Publishes the entity's fleet row and tells subscribed dashboards that it changed.</summary>
    private Task PublishAsync()
    {
        if (State.Monitor.LastEventAt is null || SiloStopping)
        {
            return Task.CompletedTask;
        }

        _observers?.Notify(o => o.OnEntityChanged(kind, EntityId));
        var summary = EntitySummaries.Build(State.Monitor, kind, EntityId, State.Alerts.Current(), _baselines, services.Time.GetUtcNow());
        var shard = KeyHash.Bucket(kind.ToWire() + "/" + EntityId, Options.DirectoryShards);
        return GrainFactory.Reference<IFleetShardGrain>(GrainKeys.ForShard(Project, "fleet", shard)).ReportAsync(summary);
    }

    /// <summary>
    /// Keeps a judgement timer while an alert is pending or firing, so <c>for</c> elapses and alerts resolve without
    /// events, or while a report waits for the board. Its ticks keep the grain alive: an idle entity collected with an
    /// open alert would leave it open for good.
    /// </summary>
    private void UpdateJudgeTimer()
    {
        if (State.Alerts.HasOpen || _reports.Count > 0)
        {
            var interval = services.Rules.Value.JudgeInterval;
            _judgeTimer ??= this.RegisterGrainTimer(JudgeAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false, KeepAlive = true });
        }
        else if (_judgeTimer is not null)
        {
            _judgeTimer.Dispose();
            _judgeTimer = null;
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            // Nothing changed for a whole interval: stop ticking so an idle grain costs nothing.
            _checkpointTimer?.Dispose();
            _checkpointTimer = null;
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Orleans.Storage.InconsistentStateException)
        {
            // Another activation wrote this state (a split brain after a silo failure). Start over from the stored state:
            // what this activation applied but never confirmed is still in the partitions' journals and is replayed.
            this.DeactivateOnIdle();
            throw;
        }

        _dirty = false;
        ConfirmCheckpoint();
    }
}
