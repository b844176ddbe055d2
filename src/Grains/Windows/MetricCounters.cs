using AgentOps.Events;

namespace AgentOps.Windows;

/// <summary>
/// The counters of one time bucket. Call-level fields count the events whose timestamp falls in the bucket;
/// run-level fields (<c>Runs*</c>, <c>*RunCost*</c>, <c>FinishedRunToolCalls</c>) count the runs that finished
/// in it, each with the totals of all its events. Money is in nano-dollars so corrections are exact.
/// </summary>
[GenerateSerializer]
public struct MetricCounters
{
    [Id(0)] public long CostNanos;
    [Id(1)] public long InputTokens;
    [Id(2)] public long OutputTokens;
    [Id(3)] public long CachedInputTokens;
    [Id(4)] public int LlmCalls;
    [Id(5)] public int ToolCalls;
    [Id(6)] public int RetriedCalls;
    [Id(7)] public int FailedCalls;
    [Id(8)] public int Evals;
    [Id(9)] public double EvalScoreSum;
    [Id(10)] public int EvalsPassed;
    [Id(11)] public int EvalsWithVerdict;
    [Id(12)] public int Violations;
    [Id(13)] public int UnpricedCalls;
    [Id(14)] public int RunsStarted;
    [Id(15)] public int RunsFinished;
    [Id(16)] public int RunsSucceeded;
    [Id(17)] public int RunsFailed;
    [Id(18)] public long FinishedRunCostNanos;
    [Id(19)] public long SucceededRunCostNanos;
    [Id(20)] public int FinishedRunToolCalls;

    /// <summary>
    /// Counts one event's call-level figures (run-level figures are added by <see cref="AddRun"/>); a run_started of a
    /// run already started (<paramref name="startsRun"/> false) is not counted again.
    /// </summary>
    public void AddEvent(AgentEvent e, bool startsRun = true)
    {
        switch (e.Type)
        {
            case EventType.RunStarted:
                RunsStarted += startsRun ? 1 : 0;
                break;
            case EventType.LlmCall:
                LlmCalls++;
                InputTokens += e.InputTokens;
                OutputTokens += e.OutputTokens;
                CachedInputTokens += e.CachedInputTokens;
                if (e.Unpriced)
                {
                    UnpricedCalls++;
                }

                break;
            case EventType.ToolCall:
                ToolCalls++;
                if (e.IsViolation)
                {
                    Violations++;
                }

                break;
            case EventType.Eval:
                Evals++;
                EvalScoreSum += e.Score;
                if (e.Passed is { } passed)
                {
                    EvalsWithVerdict++;
                    EvalsPassed += passed ? 1 : 0;
                }

                break;
        }

        CostNanos += e.CostNanos;
        RetriedCalls += e.IsRetry ? 1 : 0;
        FailedCalls += e.IsError ? 1 : 0;
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) one finished run's contribution.</summary>
    public void AddRun(in RunContribution run, int sign)
    {
        RunsFinished += sign;
        FinishedRunCostNanos += sign * run.CostNanos;
        FinishedRunToolCalls += sign * run.ToolCalls;
        switch (run.Outcome)
        {
            case RunOutcome.Success:
                RunsSucceeded += sign;
                SucceededRunCostNanos += sign * run.CostNanos;
                break;
            case RunOutcome.Failure:
                RunsFailed += sign;
                break;
        }
    }
}
