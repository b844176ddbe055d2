using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Policy;
using AgentOps.Runs;

namespace AgentOps.Entities;

/// <summary>An agent: its rolling state, its runs, its autonomy policy and the violations of it.</summary>
public sealed class AgentGrain(
    [PersistentState("agent", StorageNames.State)] IPersistentState<AgentGrainState> state,
    [PersistentState("policy", StorageNames.State)] IPersistentState<AgentPolicyState> policyState,
    EntityGrainServices services)
    : MonitoredEntityGrain<AgentGrainState>(state, services, EntityKind.Agent), IAgentGrain
{
    public Task<AutonomyPolicy?> GetPolicyAsync() => Task.FromResult(policyState.State.Policy);

    public async Task SetPolicyAsync(AutonomyPolicy policy)
    {
        policyState.State.Policy = policy;
        await policyState.WriteStateAsync();
        var partition = KeyHash.Bucket(EntityId, Options.Partitions);
        await GrainFactory.GetGrain<IIngestPartitionGrain>(GrainKeys.For(Project, partition.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .PolicyChangedAsync(EntityId, policy);
    }

    public Task<GuardDecision> GuardAsync(GuardRequest request) =>
        Task.FromResult(Guard.Decide(policyState.State.Policy, request, State.Monitor, Time.GetUtcNow()));

    public Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(int limit) =>
        Task.FromResult(State.Violations.Newest(limit));

    public Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(int limit) =>
        Task.FromResult<IReadOnlyList<RunSummary>>(State.Monitor.Runs.Recent(limit).Select(r => r.ToSummary()).ToList());

    protected override void OnEventApplied(AgentEvent e)
    {
        if (e.Violations is { Count: > 0 } reasons)
        {
            State.Violations.Add(new ViolationRecord(
                e.Id, e.RunId, e.Tool ?? string.Empty, e.Action, e.Target, reasons, e.Timestamp, e.RouteId, e.UserId));
        }
    }
}
