using AgentOps.Policy;
using AgentOps.Runs;

namespace AgentOps.Entities;

/// <summary>
/// An agent of a project (key <c>{project}/{agentId}</c>): its rolling state, its runs, its autonomy
/// policy and the violations of that policy.
/// </summary>
[Alias("agentops.agent")]
public interface IAgentGrain : IMonitoredEntityGrain
{
    /// <summary>The agent's autonomy policy; null when none was set.</summary>
    [Alias("get-policy"), AlwaysInterleave]
    Task<AutonomyPolicy?> GetPolicyAsync();

    /// <summary>Replaces the agent's autonomy policy; it governs tool calls ingested from now on.</summary>
    [Alias("set-policy")]
    Task SetPolicyAsync(AutonomyPolicy policy);

    /// <summary>
    /// Judges a proposed step from memory: denied when the agent is paused, when the run or the UTC day would exceed its
    /// budget, or when the tool call would break the policy. Interleaves with event processing so it answers fast.
    /// </summary>
    [Alias("guard"), AlwaysInterleave]
    Task<GuardDecision> GuardAsync(GuardRequest request);

    /// <summary>The most recent policy violations, newest first.</summary>
    [Alias("violations"), ReadOnly]
    Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(int limit);

    /// <summary>The most recent runs with their totals, newest first.</summary>
    [Alias("recent-runs"), ReadOnly]
    Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(int limit);
}
