using AgentOps.Events;
using AgentOps.Windows;

namespace AgentOps.Runs;

/// <summary>
/// The runs an entity has seen recently, with their totals, so that run-level figures stay exact when a run's events
/// arrive out of order, in several batches or after its <c>run_finished</c>. Bounded in time and count: a finished run
/// is forgotten <see cref="FinishedRetention"/> after its last event arrived, an unfinished one after
/// <see cref="OpenRetention"/>, and beyond <see cref="MaxRuns"/> the finished runs touched least recently go first,
/// open runs only when nothing else is left. A straggler for a forgotten run still counts in call-level figures
/// (docs/architecture.md).
/// </summary>
[GenerateSerializer]
public sealed class RunLedger
{
    /// <summary>Runs kept per entity at most.</summary>
    public const int MaxRuns = 2_000;

    /// <summary>How long a finished run is kept after its last event arrived.</summary>
    public static readonly TimeSpan FinishedRetention = TimeSpan.FromMinutes(30);

    /// <summary>How long an unfinished run is kept after its last event arrived.</summary>
    public static readonly TimeSpan OpenRetention = TimeSpan.FromHours(6);

    private const int SweepEvery = 256;

    [Id(0)] private readonly Dictionary<string, RunTotals> _runs = new(StringComparer.Ordinal);
    [Id(1)] private int _addedSinceSweep;

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
            if (++_addedSinceSweep >= SweepEvery)
            {
                _addedSinceSweep = 0;
                ForgetIdle(now);
            }

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

    /// <summary>Forgets runs that have been idle past their retention (called every few new runs, so amortized O(1)).</summary>
    public void ForgetIdle(DateTimeOffset now)
    {
        var finishedBefore = (now - FinishedRetention).UtcTicks;
        var openBefore = (now - OpenRetention).UtcTicks;
        var idle = _runs.Values
            .Where(r => r.LastTouchedTicks < (r.Outcome is null ? openBefore : finishedBefore))
            .Select(r => r.RunId).ToList();
        foreach (var runId in idle)
        {
            _runs.Remove(runId);
        }
    }

    private void EvictOldest()
    {
        // Drop a tenth in one pass, so eviction costs O(n log n) per n/10 new runs: finished runs first, least recently
        // touched first, because an open run's spend is what the guard's run budget reads and a forgotten open run that
        // finishes later would count only its late events in the run-level figures.
        var victims = _runs.Values
            .OrderBy(r => r.Outcome is null)
            .ThenBy(r => r.LastTouchedTicks)
            .Take(Math.Max(1, MaxRuns / 10)).Select(r => r.RunId).ToList();
        foreach (var runId in victims)
        {
            _runs.Remove(runId);
        }
    }
}
