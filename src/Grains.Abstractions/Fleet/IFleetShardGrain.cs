namespace AgentOps.Fleet;

/// <summary>
/// One shard of a project's fleet rows (key <c>{project}/fleet/{shard}</c>): entities report here, and the shard
/// forwards the changed rows to the project's <see cref="IFleetGrain"/> in batches, so no single grain takes a call
/// per entity.
/// </summary>
[Alias("agentops.fleet-shard")]
public interface IFleetShardGrain : IGrainWithStringKey
{
    [Alias("report"), OneWay]
    Task ReportAsync(EntitySummary summary);
}
