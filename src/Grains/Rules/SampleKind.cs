namespace AgentOps.Rules;

/// <summary>What a metric's <c>minSamples</c> counts: the calls, runs or evals the metric is computed from.</summary>
public enum SampleKind
{
    Calls,
    ToolCalls,
    RunsStarted,
    RunsFinished,
    RunsSucceeded,
    Evals,
    EvalVerdicts,
}
