using AgentOps.Events;
using AgentOps.Runs;
using static AgentOps.Grains.Tests.Model.Events;

namespace AgentOps.Grains.Tests.Model;

public sealed class RunLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Finished_runs_are_forgotten_after_their_retention_and_open_runs_later()
    {
        var ledger = new RunLedger();
        ledger.Apply(Finished("done", Now), Now, Now);
        ledger.Apply(Started("open", Now), Now, Now);

        ledger.ForgetIdle(Now + RunLedger.FinishedRetention + TimeSpan.FromSeconds(1));
        Assert.Null(ledger.Find("done"));
        Assert.NotNull(ledger.Find("open"));

        ledger.ForgetIdle(Now + RunLedger.OpenRetention + TimeSpan.FromSeconds(1));
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public void A_run_touched_again_is_kept()
    {
        var ledger = new RunLedger();
        ledger.Apply(Finished("done", Now), Now, Now);
        var later = Now + RunLedger.FinishedRetention - TimeSpan.FromMinutes(1);
        ledger.Apply(Llm("done", Now, 0.1), Now, later);

        ledger.ForgetIdle(Now + RunLedger.FinishedRetention + TimeSpan.FromSeconds(1));
        Assert.NotNull(ledger.Find("done"));
    }

    [Fact]
    public void The_ledger_never_holds_more_than_its_cap()
    {
        var ledger = new RunLedger();
        for (var i = 0; i < RunLedger.MaxRuns + 500; i++)
        {
            ledger.Apply(Started($"r{i}", Now), Now, Now.AddTicks(i));
        }

        Assert.InRange(ledger.Count, RunLedger.MaxRuns - (RunLedger.MaxRuns / 10), RunLedger.MaxRuns);
        Assert.NotNull(ledger.Find($"r{RunLedger.MaxRuns + 499}"));
        Assert.Null(ledger.Find("r0"));
    }

    [Fact]
    public void A_full_ledger_forgets_finished_runs_before_an_older_open_one()
    {
        var ledger = new RunLedger();
        ledger.Apply(Llm("long", Now, 1.9), Now, Now); // open, quiet since: e.g. waiting on a slow tool
        for (var i = 0; i < RunLedger.MaxRuns; i++)
        {
            ledger.Apply(Finished($"short-{i}", Now), Now, Now.AddTicks(i + 1));
        }

        Assert.Equal(1.9, Money.ToUsd(ledger.Find("long")!.CostNanos), 9);
        Assert.Null(ledger.Find("short-0"));
        Assert.NotNull(ledger.Find($"short-{RunLedger.MaxRuns - 1}"));
    }

    [Fact]
    public void Recent_runs_are_newest_first_by_start()
    {
        var ledger = new RunLedger();
        ledger.Apply(Started("b", Now.AddMinutes(-1)), Now, Now);
        ledger.Apply(Started("a", Now.AddMinutes(-5)), Now, Now);
        ledger.Apply(Started("c", Now), Now, Now);

        Assert.Equal(["c", "b", "a"], ledger.Recent(10).Select(r => r.RunId));
        Assert.Equal(["c"], ledger.Recent(1).Select(r => r.RunId));
    }
}
