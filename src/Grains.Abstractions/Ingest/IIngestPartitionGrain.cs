using AgentOps.Entities;
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

    /// <summary>A grain has stored every flush of this partition up to <paramref name="upToFlush"/>.</summary>
    [Alias("confirm-checkpoint"), OneWay, AlwaysInterleave]
    Task ConfirmCheckpointAsync(DeliveryTargetKind kind, string grainKey, long upToFlush);

    /// <summary>
    /// The flushes after <paramref name="afterFlush"/> that the grain was sent but has not confirmed, read back from the
    /// journal: what a grain that lost its memory (its silo died) must apply again when it activates.
    /// </summary>
    [Alias("replay-for"), AlwaysInterleave]
    Task<IReadOnlyList<EntityDelivery>> ReplayForAsync(DeliveryTargetKind kind, string grainKey, long afterFlush);
}
