using Microsoft.Extensions.DependencyInjection;
using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Runs;

/// <summary>
/// The trajectories of the runs that hash to this shard: each run's totals and its steps. Held in memory and
/// bounded (<see cref="MaxRuns"/> runs, <see cref="MaxStepsPerRun"/> steps each, least recently touched runs
/// forgotten first); the shard stays active so trajectories outlive idle periods.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class TrajectoryShardGrain([FromKeyedServices(AgentOpsClock.Key)] TimeProvider time) : Grain, ITrajectoryShardGrain
{
    /// <summary>Runs held per shard (64 shards per project: 64,000 runs).</summary>
    public const int MaxRuns = 1_000;

    /// <summary>Steps kept per run; later steps still count in the totals.</summary>
    public const int MaxStepsPerRun = 5_000;

    private readonly Dictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly DeliveryWatermarks _watermarks = new();

    public Task AppendAsync(EntityDelivery delivery)
    {
        if (!_watermarks.TryAdvance(delivery.Partition, delivery.Flush))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        foreach (var e in delivery.Events)
        {
            if (!_runs.TryGetValue(e.RunId, out var run))
            {
                if (_runs.Count >= MaxRuns)
                {
                    EvictOldest();
                }

                run = new RunRecord(new RunTotals { RunId = e.RunId, AgentId = e.AgentId });
                _runs[e.RunId] = run;
            }

            run.Totals.Apply(e, e.Timestamp <= now ? e.Timestamp : now);
            run.Totals.LastTouchedTicks = now.UtcTicks;
            if (run.Steps.Count < MaxStepsPerRun)
            {
                run.Steps.Add(e);
            }
        }

        return Task.CompletedTask;
    }

    public Task<RunTrajectory?> GetRunAsync(string runId)
    {
        if (!_runs.TryGetValue(runId, out var run))
        {
            return Task.FromResult<RunTrajectory?>(null);
        }

        var steps = run.Steps.OrderBy(s => s.Timestamp).ToList(); // stable: equal timestamps keep arrival order
        return Task.FromResult<RunTrajectory?>(new RunTrajectory(run.Totals.ToSummary(), steps, null));
    }

    private void EvictOldest()
    {
        var victims = _runs.Values.OrderBy(r => r.Totals.LastTouchedTicks).Take(Math.Max(1, MaxRuns / 10)).Select(r => r.Totals.RunId).ToList();
        foreach (var runId in victims)
        {
            _runs.Remove(runId);
        }
    }

    private sealed record RunRecord(RunTotals Totals)
    {
        public List<AgentEvent> Steps { get; } = [];
    }
}
