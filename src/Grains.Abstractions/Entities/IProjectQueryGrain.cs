using AgentOps.Runs;

namespace AgentOps.Entities;

/// <summary>
/// Read queries that span a project's shards (key: the project). A stateless worker on the silos, so the shard counts
/// stay silo configuration and clients (the HTTP API, the dashboard) never compute shard keys.
/// </summary>
[Alias("agentops.project-query")]
public interface IProjectQueryGrain : IGrainWithStringKey
{
    /// <summary>A run with its totals and steps; null when the run is unknown.</summary>
    [Alias("run")]
    Task<RunTrajectory?> GetRunAsync(string runId);

    /// <summary>Up to <paramref name="limit"/> entity ids of a kind after <paramref name="after"/>, in ordinal order, from every directory shard.</summary>
    [Alias("list-ids")]
    Task<EntityIdPage> ListIdsAsync(EntityKind kind, string? after, int limit);
}
