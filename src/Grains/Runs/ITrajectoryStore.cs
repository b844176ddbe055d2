namespace AgentOps.Runs;

/// <summary>
/// Where finished runs go: their totals and, when kept, their steps (Azure Blob and Table in the AzureStorage profile,
/// memory in Local). Written by the trajectory shards only; a shard owns its runs (by run id hash).
/// </summary>
public interface ITrajectoryStore
{
    /// <summary>Stores runs (replacing a run stored before).</summary>
    Task SaveAsync(string project, int shard, IReadOnlyList<StoredRun> runs);

    /// <summary>One stored run, or null.</summary>
    Task<StoredRun?> GetAsync(string project, int shard, string runId);

    /// <summary>
    /// Retention: deletes the steps of runs saved before <paramref name="stepsBefore"/> (they then answer
    /// <c>expired</c>) and whole runs saved before <paramref name="runsBefore"/>; answers how many runs lost their steps.
    /// </summary>
    Task<int> ExpireAsync(string project, int shard, DateTimeOffset stepsBefore, DateTimeOffset runsBefore);
}
