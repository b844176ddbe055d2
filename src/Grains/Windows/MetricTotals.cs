using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Windows;

/// <summary>The sum of many buckets' counters, in 64-bit so a week of busy buckets cannot overflow.</summary>
public struct MetricTotals
{
    public long CostNanos;
    public long InputTokens;
    public long OutputTokens;
    public long CachedInputTokens;
    public long LlmCalls;
    public long ToolCalls;
    public long RetriedCalls;
    public long FailedCalls;
    public long Evals;
    public double EvalScoreSum;
    public long EvalsPassed;
    public long EvalsWithVerdict;
    public long Violations;
    public long UnpricedCalls;
    public long RunsStarted;
    public long RunsFinished;
    public long RunsSucceeded;
    public long RunsFailed;
    public long FinishedRunCostNanos;
    public long SucceededRunCostNanos;
    public long FinishedRunToolCalls;

    public void Add(in MetricCounters c)
    {
        CostNanos += c.CostNanos;
        InputTokens += c.InputTokens;
        OutputTokens += c.OutputTokens;
        CachedInputTokens += c.CachedInputTokens;
        LlmCalls += c.LlmCalls;
        ToolCalls += c.ToolCalls;
        RetriedCalls += c.RetriedCalls;
        FailedCalls += c.FailedCalls;
        Evals += c.Evals;
        EvalScoreSum += c.EvalScoreSum;
        EvalsPassed += c.EvalsPassed;
        EvalsWithVerdict += c.EvalsWithVerdict;
        Violations += c.Violations;
        UnpricedCalls += c.UnpricedCalls;
        RunsStarted += c.RunsStarted;
        RunsFinished += c.RunsFinished;
        RunsSucceeded += c.RunsSucceeded;
        RunsFailed += c.RunsFailed;
        FinishedRunCostNanos += c.FinishedRunCostNanos;
        SucceededRunCostNanos += c.SucceededRunCostNanos;
        FinishedRunToolCalls += c.FinishedRunToolCalls;
    }

    /// <summary>Calls of both kinds: the denominator of retry and error rates.</summary>
    public readonly long Calls => LlmCalls + ToolCalls;

    /// <summary>The API view, with every ratio defined as API.md says (an empty denominator gives 0).</summary>
    public readonly MetricsView ToView() => new()
    {
        RunsStarted = RunsStarted,
        RunsFinished = RunsFinished,
        RunsSucceeded = RunsSucceeded,
        RunsFailed = RunsFailed,
        CostUsd = Money.ToUsd(CostNanos),
        CostPerRun = Money.PerUnit(FinishedRunCostNanos, RunsFinished),
        CostPerSuccessfulRun = Money.PerUnit(SucceededRunCostNanos, RunsSucceeded),
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        CachedInputTokens = CachedInputTokens,
        LlmCalls = LlmCalls,
        ToolCalls = ToolCalls,
        ToolCallsPerRun = Ratio(FinishedRunToolCalls, RunsFinished),
        RetryRate = Ratio(RetriedCalls, Calls),
        ErrorRate = Ratio(FailedCalls, Calls),
        EvalCount = Evals,
        EvalScore = Evals == 0 ? 0 : EvalScoreSum / Evals,
        EvalPassRate = Ratio(EvalsPassed, EvalsWithVerdict),
        Violations = Violations,
        UnpricedCalls = UnpricedCalls,
    };

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
