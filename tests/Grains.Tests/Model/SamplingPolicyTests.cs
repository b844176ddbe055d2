using AgentOps.Events;
using AgentOps.Runs;
using static AgentOps.Grains.Tests.Model.Events;

namespace AgentOps.Grains.Tests.Model;

public sealed class SamplingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static RunTotals Run(string id, params AgentEvent[] events)
    {
        var run = new RunTotals { RunId = id, AgentId = "a" };
        foreach (var e in events)
        {
            run.Apply(e, e.Timestamp);
        }

        return run;
    }

    [Fact]
    public void Failed_violating_alerting_retrying_erring_and_expensive_runs_are_always_kept()
    {
        Assert.Equal((true, "failed"), Decision(Run("r1", Finished("r1", Now, RunOutcome.Failure)), sampleRate: 0));
        Assert.Equal((true, "violation"), Decision(Run("r2", Tool("r2", Now, violations: ["x"]), Finished("r2", Now)), sampleRate: 0));
        Assert.Equal((true, "alert"), Decision(Run("r3", Finished("r3", Now)), sampleRate: 0, fedAlert: true));
        Assert.Equal((true, "retries"), Decision(Run("r4", Llm("r4", Now, 0.1, attempt: 2), Finished("r4", Now)), sampleRate: 0));
        Assert.Equal((true, "errors"), Decision(Run("r7", Llm("r7", Now, 0.1, status: CallStatus.Error), Finished("r7", Now, RunOutcome.Abandoned)), sampleRate: 0));
        Assert.Equal((true, "expensive"), Decision(Run("r5", Llm("r5", Now, 0.5), Finished("r5", Now)), sampleRate: 0, p95: Money.ToNanos(0.4)));
        Assert.Equal((false, "sampled"), Decision(Run("r6", Llm("r6", Now, 0.3), Finished("r6", Now)), sampleRate: 0, p95: Money.ToNanos(0.4)));
    }

    [Fact]
    public void Ordinary_runs_are_kept_at_the_sample_rate_within_its_statistical_bound()
    {
        const int runs = 10_000;
        var kept = Enumerable.Range(0, runs).Count(i => Decision(Run($"run-{i}", Finished($"run-{i}", Now)), sampleRate: 0.10).Keep);

        // Binomial(10,000, 0.1): sd = 30; four standard deviations either side.
        Assert.InRange(kept, 1_000 - 120, 1_000 + 120);
        Assert.Equal(runs, Enumerable.Range(0, runs).Count(i => Decision(Run($"run-{i}", Finished($"run-{i}", Now)), sampleRate: 1).Keep));
    }

    [Fact]
    public void A_decision_is_the_same_every_time()
    {
        var run = Run("stable", Finished("stable", Now));
        Assert.Equal(Decision(run, 0.5), Decision(run, 0.5));
        Assert.InRange(SamplingPolicy.Fraction("stable"), 0, 1);
    }

    [Fact]
    public void The_running_p95_needs_twenty_runs_and_follows_the_recent_costs()
    {
        var history = new RunCostHistory();
        for (var i = 1; i <= 19; i++)
        {
            history.Add(i);
        }

        Assert.Null(history.P95());
        history.Add(20);
        Assert.Equal(19, history.P95());
        for (var i = 0; i < RunCostHistory.Capacity; i++)
        {
            history.Add(1_000 + i);
        }

        Assert.Equal(1_189, history.P95());
    }

    private static (bool Keep, string Reason) Decision(RunTotals run, double sampleRate, bool fedAlert = false, long? p95 = null)
    {
        var decision = SamplingPolicy.Decide(run, fedAlert, p95, sampleRate);
        return (decision.Keep, decision.Reason);
    }
}
