using System.Globalization;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentOps.Runs;

/// <summary>
/// The trajectories of the runs that hash to this shard. A run's steps wait here while it is open; when its agent
/// decides (tail-based sampling, at the run's finish) the shard stores the run, with its steps or only its totals, and
/// forgets it. A run quiet for <see cref="IdleAfter"/> is stored as it is. A stored run's next event (a run may wait that
/// long on a person's approval; an eval or a retry may come after the finish) reopens it with what was stored of it, and
/// it is stored again once decided again. The shard confirms a partition's flushes only
/// once every run with steps in them is stored, so after a crash the journal still holds what it had in memory.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class TrajectoryShardGrain(
    ITrajectoryStore store,
    IEventJournal journal,
    SettingsCache settings,
    IOptions<IngestOptions> options,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    : Grain, ITrajectoryShardGrain, IRemindable
{
    /// <summary>Steps kept per run; later steps still count in the totals.</summary>
    public const int MaxStepsPerRun = 5_000;

    /// <summary>Open runs held at most; beyond, the quietest is stored as it is.</summary>
    public const int MaxOpenRuns = 5_000;

    /// <summary>An open run without events for this long is stored as it is.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A finished run whose sampling decision has not come this long after its last event is stored with its steps. The
    /// agent decides within a second of the finish; a decision is lost when the silo stops in between, and the journal
    /// keeps the run's flushes (for every grain of the partition) until the run is stored.
    /// </summary>
    public static readonly TimeSpan UndecidedAfter = TimeSpan.FromMinutes(1);

    /// <summary>A run's totals outlive its steps: they are kept this long, or the project's retention when longer.</summary>
    public static readonly TimeSpan RunRetention = TimeSpan.FromDays(90);

    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);
    private const string RetentionReminder = "retention";
    private const int RecentlySavedKept = 20_000;

    private readonly Dictionary<string, OpenRun> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SamplingDecision> _earlyDecisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _recentlySaved = new(StringComparer.Ordinal); // run id -> its entries in _savedOrder
    private readonly Queue<string> _savedOrder = new();
    private readonly List<StoredRun> _toSave = [];
    private readonly DeliveryWatermarks _watermarks = new();
    private readonly Dictionary<int, long> _lastApplied = [];
    private readonly Dictionary<int, long> _lastConfirmed = [];
    private string _project = string.Empty;
    private int _shard;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _project = GrainKeys.Parse(key).Project;
        _shard = int.Parse(key[(key.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(SaveEvery, SaveEvery) { Interleave = false });
        // A reminder, not a timer: retention must also run for a project that sends nothing after a restart.
        await this.RegisterOrUpdateReminder(RetentionReminder, RetentionEvery, RetentionEvery, cancellationToken);
        if (journal.IsDurable)
        {
            await RecoverAsync();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task AppendAsync(EntityDelivery delivery)
    {
        if (delivery.Flush <= _watermarks.Of(delivery.Partition))
        {
            return;
        }

        await ReopenAsync(delivery.Events); // before the watermark moves: if the store fails, the redelivery does it again
        _watermarks.TryAdvance(delivery.Partition, delivery.Flush);

        _lastApplied[delivery.Partition] = delivery.Flush;
        var now = time.GetUtcNow();
        foreach (var e in delivery.Events)
        {
            if (!_open.TryGetValue(e.RunId, out var run))
            {
                run = new OpenRun(new RunTotals { RunId = e.RunId, AgentId = e.AgentId });
                _open[e.RunId] = run;
            }

            run.Totals.Apply(e, e.Timestamp <= now ? e.Timestamp : now);
            run.Totals.LastTouchedTicks = now.UtcTicks;
            if (run.Steps.Count < MaxStepsPerRun)
            {
                run.Steps.Add(e);
            }

            run.FirstFlush.TryAdd(delivery.Partition, delivery.Flush);
            if (_earlyDecisions.Remove(e.RunId, out var decision))
            {
                run.Decision = decision;
            }
        }

        if (_open.Count > MaxOpenRuns)
        {
            foreach (var quiet in _open.Values.OrderBy(r => r.Totals.LastTouchedTicks).Take(_open.Count - MaxOpenRuns).ToList())
            {
                Store(quiet, keep: true, "open");
            }
        }
    }

    /// <summary>
    /// Brings back the stored runs these events belong to, with their totals and steps as stored (or as about to be
    /// stored), so that a late event changes the run instead of being dropped.
    /// </summary>
    private async Task ReopenAsync(IReadOnlyList<AgentEvent> events)
    {
        if (_recentlySaved.Count == 0)
        {
            return;
        }

        foreach (var e in events)
        {
            if (!_recentlySaved.ContainsKey(e.RunId) || _open.ContainsKey(e.RunId))
            {
                continue;
            }

            var pending = _toSave.FindLastIndex(r => r.Summary.RunId == e.RunId);
            var stored = pending >= 0 ? _toSave[pending] : await store.GetAsync(_project, _shard, e.RunId);
            if (pending >= 0)
            {
                _toSave.RemoveAt(pending); // not written yet: the reopened run is stored instead
            }

            // Opened even when the store no longer has it (retention): the run goes on from this event.
            var run = stored is null
                ? new OpenRun(new RunTotals { RunId = e.RunId, AgentId = e.AgentId })
                : new OpenRun(RunTotals.Resume(stored.Summary)) { HadStoredSteps = stored.Steps is not null || stored.ReplacesSteps };
            run.Steps.AddRange(stored?.Steps ?? []);
            _open[e.RunId] = run;
        }
    }

    public Task DecideAsync(IReadOnlyList<SamplingDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            if (_open.TryGetValue(decision.RunId, out var run))
            {
                run.Decision = decision;
            }
            else
            {
                // The run's steps are still on their way, or a stored run is decided again for a late event that is.
                _earlyDecisions[decision.RunId] = decision;
            }
        }

        return Task.CompletedTask;
    }

    public async Task<RunTrajectory?> GetRunAsync(string runId)
    {
        if (_open.TryGetValue(runId, out var run))
        {
            return new RunTrajectory(run.Totals.ToSummary(), Ordered(run.Steps), null, Pending: true);
        }

        if (_toSave.FirstOrDefault(r => r.Summary.RunId == runId) is { } pending)
        {
            return new RunTrajectory(pending.Summary, pending.Steps, pending.StepsDropped, SamplingReason: pending.Reason);
        }

        return await store.GetAsync(_project, _shard, runId) is { } stored
            ? new RunTrajectory(stored.Summary, stored.Steps, stored.StepsDropped, SamplingReason: stored.Reason)
            : null;
    }

    public async Task<int> ExpireAsync()
    {
        var retention = TimeSpan.FromDays((await settings.GetAsync(_project)).RetentionDays);
        var now = time.GetUtcNow();
        return await store.ExpireAsync(_project, _shard, now - retention, now - (retention > RunRetention ? retention : RunRetention));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == RetentionReminder ? ExpireAsync() : Task.CompletedTask;

    /// <summary>Stores decided and idle runs, then confirms the flushes no open run needs any more.</summary>
    private async Task SaveAsync()
    {
        var idleBefore = (time.GetUtcNow() - IdleAfter).UtcTicks;
        var undecidedBefore = (time.GetUtcNow() - UndecidedAfter).UtcTicks;
        foreach (var run in _open.Values.ToList())
        {
            if (run.Decision is { } decision && run.Totals.Outcome is not null)
            {
                // A decision can be older than the run's last events (a late retry that came before the agent's second
                // decision, or a decision left over from an earlier reopening): what the totals alone show to keep
                // (a failure, a violation, retries, errors) is kept whatever it says.
                var byTotals = decision.Keep ? decision : SamplingPolicy.Decide(run.Totals, fedAlert: false, costP95Nanos: null, sampleRate: 0);
                Store(run, byTotals.Keep, byTotals.Keep ? byTotals.Reason : decision.Reason);
            }
            else if (run.Totals.Outcome is null ? run.Totals.LastTouchedTicks < idleBefore : run.Totals.LastTouchedTicks < undecidedBefore)
            {
                Store(run, keep: true, run.Totals.Outcome is null ? "open" : "undecided");
            }
        }

        if (_toSave.Count > 0)
        {
            await store.SaveAsync(_project, _shard, [.. _toSave]);
            _toSave.Clear();
        }

        if (journal.IsDurable)
        {
            Confirm();
        }
    }

    private void Store(OpenRun run, bool keep, string reason)
    {
        _open.Remove(run.Totals.RunId);
        _toSave.Add(new StoredRun(run.Totals.ToSummary(), keep ? Ordered(run.Steps) : null, keep ? null : StepsDropped.Sampled, reason, time.GetUtcNow(), run.HadStoredSteps));
        RememberSaved(run.Totals.RunId);
    }

    /// <summary>Remembers a stored run, so that a later event reopens it, for the last <see cref="RecentlySavedKept"/> runs stored.</summary>
    private void RememberSaved(string runId)
    {
        _recentlySaved[runId] = _recentlySaved.GetValueOrDefault(runId) + 1;
        _savedOrder.Enqueue(runId);
        while (_savedOrder.Count > RecentlySavedKept)
        {
            // A run stored again after a reopening is in the queue more than once: only its last entry forgets it.
            var forgotten = _savedOrder.Dequeue();
            if (--_recentlySaved[forgotten] == 0)
            {
                _recentlySaved.Remove(forgotten);
                _earlyDecisions.Remove(forgotten);
            }
        }
    }

    private void Confirm()
    {
        var key = this.GetPrimaryKeyString();
        foreach (var (partition, applied) in _lastApplied)
        {
            var oldestOpen = _open.Values.Select(r => r.FirstFlush.TryGetValue(partition, out var first) ? first : long.MaxValue).DefaultIfEmpty(long.MaxValue).Min();
            var upTo = oldestOpen == long.MaxValue ? applied : oldestOpen - 1;
            if (upTo > _lastConfirmed.GetValueOrDefault(partition))
            {
                _lastConfirmed[partition] = upTo;
                Partition(partition).ConfirmCheckpointAsync(DeliveryTargetKind.Trajectory, key, upTo).Ignore();
            }
        }
    }

    /// <summary>After a crash: the steps of runs not yet stored are still in the partitions' journals.</summary>
    private async Task RecoverAsync()
    {
        var key = this.GetPrimaryKeyString();
        for (var partition = 0; partition < options.Value.Partitions; partition++)
        {
            foreach (var delivery in await Partition(partition).ReplayForAsync(DeliveryTargetKind.Trajectory, key, 0))
            {
                var stored = new HashSet<string>(StringComparer.Ordinal);
                foreach (var runId in delivery.Events.Select(e => e.RunId).Distinct(StringComparer.Ordinal))
                {
                    if (await store.GetAsync(_project, _shard, runId) is not null)
                    {
                        stored.Add(runId);
                        RememberSaved(runId);
                    }
                }

                await AppendAsync(delivery with { Events = delivery.Events.Where(e => !stored.Contains(e.RunId)).ToList() });
            }
        }
    }

    private IIngestPartitionGrain Partition(int partition) =>
        GrainFactory.GetGrain<IIngestPartitionGrain>(GrainKeys.For(_project, partition.ToString(CultureInfo.InvariantCulture)));

    private static List<AgentEvent> Ordered(List<AgentEvent> steps) => steps.OrderBy(s => s.Timestamp).ToList(); // stable: ties keep arrival order

    private sealed class OpenRun(RunTotals totals)
    {
        public RunTotals Totals { get; } = totals;
        public List<AgentEvent> Steps { get; } = [];
        public Dictionary<int, long> FirstFlush { get; } = [];
        public SamplingDecision? Decision { get; set; }

        /// <summary>Reopened from a stored version that had steps.</summary>
        public bool HadStoredSteps { get; init; }
    }
}
