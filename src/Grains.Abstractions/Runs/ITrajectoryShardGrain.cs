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
}
