using AgentOps.Policy;

namespace AgentOps.Ingest;

/// <summary>
/// One partition of a project's event flow (key <c>{project}/{partition}</c>); an agent always maps to the same
/// partition. It consumes the stream, drops duplicate event ids, judges tool calls against the agent's policy and
/// fans each flush out to agent, route, user and trajectory grains: one message per grain per flush.
/// </summary>
[Alias("agentops.ingest-partition")]
public interface IIngestPartitionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records that the chunk <paramref name="chunkTag"/> carrying these event id hashes was published, and
    /// answers the positions of ids that an earlier chunk already claimed (the request's duplicates).
    /// </summary>
    [Alias("register-published")]
    Task<int[]> RegisterPublishedAsync(long chunkTag, ulong[] eventIdHashes);

    /// <summary>Tells the partition that an agent's policy changed, so new tool calls are judged by it.</summary>
    [Alias("policy-changed"), AlwaysInterleave]
    Task PolicyChangedAsync(string agentId, AutonomyPolicy? policy);
}
