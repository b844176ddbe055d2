using AgentOps.Entities;

namespace AgentOps.Dashboard.Components;

/// <summary>
/// Groups a window's buckets for charts (5-minute groups for an hour, 4-hour groups for a week), summing counts and
/// weighting rates by what they count, so that a group's rate is the rate of its calls, runs or evals.
/// </summary>
public static class SeriesBuckets
{
    /// <summary>How many source buckets make one chart point for a window: ~12-45 points whatever the window.</summary>
    public static int GroupSize(TimeSpan window) => window.TotalMinutes switch
    {
        <= 10 => 1,          // minute buckets
        <= 120 => 5,         // 5-minute points
        <= 48 * 60 => 1,     // hour buckets
        _ => 4,              // 4-hour points
    };

    /// <summary>The step of one chart point for a window, in words.</summary>
    public static string StepName(TimeSpan window) => window.TotalMinutes switch
    {
        <= 10 => "minute",
        <= 120 => "5 minutes",
        <= 48 * 60 => "hour",
        _ => "4 hours",
    };

    public static IReadOnlyList<SeriesPoint> Group(IReadOnlyList<SeriesPoint> points, TimeSpan window)
    {
        var size = GroupSize(window);
        if (size <= 1 || points.Count == 0)
        {
            return points;
        }

        // Aligned to the end, so the newest point is always complete up to now.
        var groups = new List<SeriesPoint>();
        var first = points.Count % size;
        if (first > 0)
        {
            groups.Add(Merge(points.Take(first).ToList()));
        }

        for (var i = first; i < points.Count; i += size)
        {
            groups.Add(Merge(points.Skip(i).Take(size).ToList()));
        }

        return groups;
    }

    private static SeriesPoint Merge(IReadOnlyList<SeriesPoint> points)
    {
        long calls = 0, runsFinished = 0, runsSucceeded = 0, evals = 0;
        double cost = 0, retries = 0, errors = 0, evalSum = 0, passes = 0, toolCallsOfRuns = 0, finishedCost = 0, successCost = 0;
        var sum = new MetricsView();
        foreach (var p in points)
        {
            var m = p.Metrics;
            var c = m.LlmCalls + m.ToolCalls;
            calls += c;
            retries += m.RetryRate * c;
            errors += m.ErrorRate * c;
            evals += m.EvalCount;
            evalSum += m.EvalScore * m.EvalCount;
            passes += m.EvalPassRate * m.EvalCount;
            runsFinished += m.RunsFinished;
            runsSucceeded += m.RunsSucceeded;
            toolCallsOfRuns += m.ToolCallsPerRun * m.RunsFinished;
            finishedCost += m.CostPerRun * m.RunsFinished;
            successCost += m.CostPerSuccessfulRun * m.RunsSucceeded;
            cost += m.CostUsd;
            sum = sum with
            {
                RunsStarted = sum.RunsStarted + m.RunsStarted,
                RunsFailed = sum.RunsFailed + m.RunsFailed,
                InputTokens = sum.InputTokens + m.InputTokens,
                OutputTokens = sum.OutputTokens + m.OutputTokens,
                CachedInputTokens = sum.CachedInputTokens + m.CachedInputTokens,
                LlmCalls = sum.LlmCalls + m.LlmCalls,
                ToolCalls = sum.ToolCalls + m.ToolCalls,
                Violations = sum.Violations + m.Violations,
                UnpricedCalls = sum.UnpricedCalls + m.UnpricedCalls,
            };
        }

        return new SeriesPoint(points[0].Start, sum with
        {
            CostUsd = cost,
            RunsFinished = runsFinished,
            RunsSucceeded = runsSucceeded,
            CostPerRun = runsFinished == 0 ? 0 : finishedCost / runsFinished,
            CostPerSuccessfulRun = runsSucceeded == 0 ? 0 : successCost / runsSucceeded,
            ToolCallsPerRun = runsFinished == 0 ? 0 : toolCallsOfRuns / runsFinished,
            RetryRate = calls == 0 ? 0 : retries / calls,
            ErrorRate = calls == 0 ? 0 : errors / calls,
            EvalCount = evals,
            EvalScore = evals == 0 ? 0 : evalSum / evals,
            EvalPassRate = evals == 0 ? 0 : passes / evals,
        });
    }
}
