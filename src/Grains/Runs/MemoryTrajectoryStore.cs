using System.Collections.Concurrent;

namespace AgentOps.Runs;

/// <summary>The Local profile's trajectory store: in the silo's memory, at most <see cref="MaxRunsPerShard"/> runs per shard (oldest first out).</summary>
public sealed class MemoryTrajectoryStore : ITrajectoryStore
{
    public const int MaxRunsPerShard = 5_000;

    private readonly ConcurrentDictionary<(string Project, int Shard), ConcurrentDictionary<string, StoredRun>> _shards = new();

    public Task SaveAsync(string project, int shard, IReadOnlyList<StoredRun> runs)
    {
        var stored = Shard(project, shard);
        foreach (var run in runs)
        {
            stored[run.Summary.RunId] = run;
        }

        if (stored.Count > MaxRunsPerShard)
        {
            foreach (var old in stored.Values.OrderBy(r => r.SavedAt).Take(stored.Count - MaxRunsPerShard).ToList())
            {
                stored.TryRemove(old.Summary.RunId, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<StoredRun?> GetAsync(string project, int shard, string runId) =>
        Task.FromResult(Shard(project, shard).GetValueOrDefault(runId));

    public Task<int> ExpireAsync(string project, int shard, DateTimeOffset stepsBefore, DateTimeOffset runsBefore)
    {
        var stored = Shard(project, shard);
        foreach (var run in stored.Values.Where(r => r.SavedAt < runsBefore).ToList())
        {
            stored.TryRemove(run.Summary.RunId, out _);
        }

        var expired = 0;
        foreach (var run in stored.Values.Where(r => r.SavedAt < stepsBefore && r.Steps is not null).ToList())
        {
            stored[run.Summary.RunId] = run with { Steps = null, StepsDropped = StepsDropped.Expired };
            expired++;
        }

        return Task.FromResult(expired);
    }

    private ConcurrentDictionary<string, StoredRun> Shard(string project, int shard) =>
        _shards.GetOrAdd((project, shard), _ => new ConcurrentDictionary<string, StoredRun>(StringComparer.Ordinal));
}
