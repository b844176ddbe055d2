using AgentOps.Entities;

namespace AgentOps.Runs;

/// <summary>
/// Holds the trajectories of the runs whose id hashes to this shard (key <c>{project}/runs/{shard}</c>),
/// so that <c>GET /v1/runs/{runId}</c> needs no index and no grain per run.
/// </summary>
[Alias("agentops.trajectory-shard")]
public interface ITrajectoryShardGrain : IGrainWithStringKey
{
    /// <summary>Appends the steps of one partition flush.</summary>
    [Alias("append")]
    Task AppendAsync(EntityDelivery delivery);

    /// <summary>One run with its totals and steps; null when the run is unknown.</summary>
    [Alias("get-run")]
    Task<RunTrajectory?> GetRunAsync(string runId);

    /// <summary>Agents tell whether their finished runs' steps are kept; the shard then stores the run and forgets it.</summary>
    [Alias("decide"), OneWay]
    Task DecideAsync(IReadOnlyList<SamplingDecision> decisions);

    /// <summary>Deletes the stored steps older than the project's trajectory retention now (it also runs hourly); answers how many runs expired.</summary>
    [Alias("expire")]
    Task<int> ExpireAsync();
}
