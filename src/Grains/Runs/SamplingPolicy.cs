using AgentOps.Events;
using AgentOps.Ingest;

namespace AgentOps.Runs;

/// <summary>
/// Tail-based sampling, decided when a run finishes (and again when an event reaches it after): always keep a run that
/// failed, broke its policy, fed a firing alert, retried, had a failed call, or cost more than the agent's running p95;
/// keep the rest at the sample rate. The rate test hashes the
/// run id, so a decision is the same wherever and however often it is made.
/// </summary>
public static class SamplingPolicy
{
    public static SamplingDecision Decide(RunTotals run, bool fedAlert, long? costP95Nanos, double sampleRate)
    {
        var reason = run.Outcome == RunOutcome.Failure ? "failed"
            : run.Violations > 0 ? "violation"
            : fedAlert ? "alert"
            : run.Retries > 0 ? "retries"
            : run.Errors > 0 ? "errors"
            : costP95Nanos is { } p95 && run.CostNanos > p95 ? "expensive"
            : null;
        return reason is not null
            ? new SamplingDecision(run.RunId, true, reason)
            : new SamplingDecision(run.RunId, Fraction(run.RunId) < sampleRate, "sampled");
    }

    /// <summary>A number in [0, 1) spread uniformly over run ids.</summary>
    public static double Fraction(string runId) => (KeyHash.Of(runId) >> 11) * (1.0 / (1UL << 53));
}
