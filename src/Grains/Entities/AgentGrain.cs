using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Policy;
using AgentOps.Runs;
using AgentOps.Settings;

namespace AgentOps.Entities;

/// <summary>An agent: its rolling state, its runs, its autonomy policy and the violations of it.</summary>
public sealed class AgentGrain(
    [PersistentState("agent", StorageNames.LargeState)] IPersistentState<AgentGrainState> state,
    [PersistentState("policy", StorageNames.State)] IPersistentState<AgentPolicyState> policyState,
    EntityGrainServices services,
    SettingsCache settings)
    : MonitoredEntityGrain<AgentGrainState>(state, services, EntityKind.Agent), IAgentGrain
{
    private readonly List<string> _finishedRuns = [];

    /// <summary>Finished runs that got an event after their finish: decided again (a late retry, error or violation keeps them).</summary>
    private readonly HashSet<string> _changedAfterFinish = new(StringComparer.Ordinal);

    public Task<AutonomyPolicy?> GetPolicyAsync() => Task.FromResult(policyState.State.Policy);

    public async Task SetPolicyAsync(AutonomyPolicy policy)
    {
        // The guard reads the policy from memory: it must not enforce one that storage refused.
        var previous = policyState.State.Policy;
        policyState.State.Policy = policy;
        try
        {
            await policyState.WriteStateAsync();
        }
        catch
        {
            policyState.State.Policy = previous;
            throw;
        }

        var partition = KeyHash.Bucket(EntityId, Options.Partitions);
        await GrainFactory.Reference<IIngestPartitionGrain>(GrainKeys.For(Project, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .PolicyChangedAsync(EntityId, policy);
    }

    public Task<GuardDecision> GuardAsync(GuardRequest request) =>
        Task.FromResult(Guard.Decide(policyState.State.Policy, request, State.Monitor, Time.GetUtcNow()));

    public Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(int limit) =>
        Task.FromResult(State.Violations.Newest(limit));

    public Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(int limit) =>
        Task.FromResult<IReadOnlyList<RunSummary>>(State.Monitor.Runs.Recent(limit).Select(r => r.ToSummary()).ToList());

    /// <summary>
    /// Tail-based sampling: after the judgement that followed a run's finish (so an alert the run caused counts), decide
    /// whether its steps are kept and tell the run's trajectory shard.
    /// </summary>
    protected override async Task OnJudgedAsync()
    {
        if (_finishedRuns.Count == 0 && _changedAfterFinish.Count == 0)
        {
            return;
        }

        var rate = (await settings.GetAsync(Project)).RateFor(EntityId);
        var alerts = CurrentAlerts;
        var decisions = new List<(int Shard, SamplingDecision Decision)>();
        var finished = _finishedRuns.ToHashSet(StringComparer.Ordinal);
        foreach (var runId in finished.Concat(_changedAfterFinish.Where(r => !finished.Contains(r))))
        {
            if (State.Monitor.Runs.Find(runId) is not { } run)
            {
                continue;
            }

            var fedAlert = alerts.Any(a => a.FiredAt is { } fired && (a.State == Alerts.AlertState.Firing || fired >= run.SortTime));
            decisions.Add((KeyHash.Bucket(runId, Options.TrajectoryShards), SamplingPolicy.Decide(run, fedAlert, State.CostHistory.P95(), rate)));
            if (finished.Contains(runId))
            {
                State.CostHistory.Add(run.CostNanos); // once per finish, not per late event
            }
        }

        _finishedRuns.Clear();
        _changedAfterFinish.Clear();
        foreach (var shard in decisions.GroupBy(d => d.Shard))
        {
            GrainFactory.Reference<ITrajectoryShardGrain>(GrainKeys.ForShard(Project, "runs", shard.Key))
                .DecideAsync(shard.Select(d => d.Decision).ToList()).Ignore();
        }
    }

    protected override void OnEventApplied(AgentEvent e)
    {
        if (e.Type == EventType.RunFinished)
        {
            _finishedRuns.Add(e.RunId);
        }
        else if (State.Monitor.Runs.Find(e.RunId) is { Outcome: not null })
        {
            _changedAfterFinish.Add(e.RunId);
        }

        if (e.Violations is { Count: > 0 } reasons)
        {
            State.Violations.Add(new ViolationRecord(
                e.Id, e.RunId, e.Tool ?? string.Empty, e.Action, e.Target, reasons, e.Timestamp, e.RouteId, e.UserId));
        }
    }
}
