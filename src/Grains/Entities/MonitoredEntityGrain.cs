using Microsoft.Extensions.DependencyInjection;
using AgentOps.Events;
using AgentOps.Ingest;
using Microsoft.Extensions.Options;

namespace AgentOps.Entities;

/// <summary>
/// What agent, route and user grains share: apply deliveries to the <see cref="Monitoring.EntityMonitor"/>, answer
/// snapshots, register in the project's directory, and write state lazily (every
/// <see cref="IngestOptions.CheckpointInterval"/> while there are unsaved changes, and on deactivation).
/// </summary>
public abstract class MonitoredEntityGrain<TState>(
    IPersistentState<TState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<IngestOptions> options,
    EntityKind kind) : Grain, IMonitoredEntityGrain
    where TState : EntityGrainState, new()
{
    private IGrainTimer? _checkpointTimer;
    private bool _dirty;
    private bool _registered;

    /// <summary>The project this entity belongs to.</summary>
    protected string Project { get; private set; } = string.Empty;

    /// <summary>The entity id within its project.</summary>
    protected string EntityId { get; private set; } = string.Empty;

    /// <summary>The persisted state.</summary>
    protected TState State => state.State;

    /// <summary>The injected clock.</summary>
    protected TimeProvider Time => time;

    /// <summary>Ingest settings.</summary>
    protected IngestOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (Project, EntityId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            // Not the deactivation token: a collection that is already past its deadline must still save the state.
            await state.WriteStateAsync(CancellationToken.None);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task ApplyAsync(EntityDelivery delivery)
    {
        if (!State.Watermarks.TryAdvance(delivery.Partition, delivery.Flush))
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var e in delivery.Events)
        {
            State.Monitor.Apply(e, now);
            OnEventApplied(e);
        }

        MarkDirty();
        if (!_registered)
        {
            // Once per activation: registration is idempotent, so this also heals a directory that lost an entry.
            var shard = KeyHash.Bucket(EntityId, Options.DirectoryShards);
            await GrainFactory.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard(Project, kind.ToWire(), shard)).RegisterAsync(EntityId);
            _registered = true;
        }
    }

    public Task<EntitySnapshot?> GetSnapshotAsync(TimeSpan window) =>
        Task.FromResult(State.Monitor.LastEventAt is null ? null : State.Monitor.Snapshot(EntityId, kind, window, time.GetUtcNow()));

    public Task<bool> ExistsAsync() => Task.FromResult(State.Monitor.LastEventAt is not null);

    /// <summary>Called for every applied event, after the monitor counted it.</summary>
    protected virtual void OnEventApplied(AgentEvent e)
    {
    }

    /// <summary>Notes an unsaved change; the next checkpoint writes it.</summary>
    protected void MarkDirty()
    {
        _dirty = true;
        _checkpointTimer ??= this.RegisterGrainTimer(
            CheckpointAsync,
            new GrainTimerCreationOptions(Options.CheckpointInterval, Options.CheckpointInterval) { Interleave = false });
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

        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}
