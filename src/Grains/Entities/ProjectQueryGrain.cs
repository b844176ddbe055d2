using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Runs;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AgentOps.Entities;

/// <summary>Answers cross-shard reads of a project next to the caller, with the silo's shard counts.</summary>
[StatelessWorker]
public sealed class ProjectQueryGrain(IOptions<IngestOptions> options) : Grain, IProjectQueryGrain
{
    private string Project => this.GetPrimaryKeyString();

    public Task<RunTrajectory?> GetRunAsync(string runId)
    {
        var shard = KeyHash.Bucket(runId, options.Value.TrajectoryShards);
        return GrainFactory.GetGrain<ITrajectoryShardGrain>(GrainKeys.ForShard(Project, "runs", shard)).GetRunAsync(runId);
    }

    public async Task<EntityIdPage> ListIdsAsync(EntityKind kind, string? after, int limit)
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, options.Value.DirectoryShards).Select(shard =>
            GrainFactory.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard(Project, kind.ToWire(), shard)).ListAsync(after, limit)));
        var merged = pages.SelectMany(p => p.Ids).Order(StringComparer.Ordinal).ToList();
        return new EntityIdPage(merged.Take(limit).ToList(), merged.Count > limit || pages.Any(p => p.HasMore));
    }
}
