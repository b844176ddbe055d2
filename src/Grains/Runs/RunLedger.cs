using AgentOps.Events;
using AgentOps.Windows;

namespace AgentOps.Runs;

/// <summary>
/// The runs an entity has seen recently, with their totals, so that run-level figures stay exact when a run's events
/// arrive out of order, in several batches or after its <c>run_finished</c>. Bounded: when it holds more than
/// <see cref="MaxRuns"/>, the runs touched least recently are forgotten (a straggler for a forgotten run still
/// counts in call-level figures; see docs/architecture.md).
/// </summary>
[GenerateSerializer]
public sealed class RunLedger
{
    /// <summary>Runs kept per entity.</summary>
    public const int MaxRuns = 2_000;

    [Id(0)] private readonly Dictionary<string, RunTotals> _runs = new(StringComparer.Ordinal);

    /// <summary>Runs held now.</summary>
    public int Count => _runs.Count;

    /// <summary>
    /// Adds an event to its run and answers the run's contribution before and after, so the caller can move the
    /// run-level counters from the old one to the new one.
    /// </summary>
    public (RunContribution? Before, RunContribution? After) Apply(AgentEvent e, DateTimeOffset bucketTime, DateTimeOffset now)
    {
        if (!_runs.TryGetValue(e.RunId, out var run))
        {
            if (_runs.Count >= MaxRuns)
            {
                EvictOldest();
            }

            run = new RunTotals { RunId = e.RunId, AgentId = e.AgentId };
            _runs[e.RunId] = run;
        }

        var before = run.Contribution;
        run.Apply(e, bucketTime);
        run.LastTouchedTicks = now.UtcTicks;
        return (before, run.Contribution);
    }

    /// <summary>One run, if held.</summary>
    public RunTotals? Find(string runId) => _runs.GetValueOrDefault(runId);

    /// <summary>The most recent runs, newest first by start time.</summary>
    public IReadOnlyList<RunTotals> Recent(int limit) =>
        _runs.Values.OrderByDescending(r => r.SortTime).ThenBy(r => r.RunId, StringComparer.Ordinal).Take(limit).ToList();

    /// <summary>Bytes held, roughly (for the memory benchmark).</summary>
    public long ApproximateBytes() => _runs.Sum(r => 200L + (r.Key.Length * 2));

    private void EvictOldest()
    {
        // Drop the least recently touched tenth in one pass, so eviction costs O(n log n) per n/10 new runs.
        var victims = _runs.Values.OrderBy(r => r.LastTouchedTicks).Take(Math.Max(1, MaxRuns / 10)).Select(r => r.RunId).ToList();
        foreach (var runId in victims)
        {
            _runs.Remove(runId);
        }
    }
}
