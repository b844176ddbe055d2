using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Monitoring;
using Microsoft.Extensions.Time.Testing;
using static AgentOps.Grains.Tests.Model.Events;

namespace AgentOps.Grains.Tests.Model;

public sealed class RollingWindowsTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan OneDay = TimeSpan.FromHours(24);
    private static readonly TimeSpan SevenDays = TimeSpan.FromDays(7);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 30, TimeSpan.Zero));
    private readonly EntityMonitor _monitor = new();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private MetricsView Metrics(TimeSpan window) => _monitor.Snapshot("a", EntityKind.Agent, window, Now).Metrics;

    private void Apply(params AgentEvent[] events)
    {
        foreach (var e in events)
        {
            _monitor.Apply(e, Now);
        }
    }

    [Fact]
    public void Events_on_both_sides_of_a_minute_boundary_fall_into_their_own_buckets_and_roll_out_in_turn()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 1, 0, TimeSpan.Zero));
        Apply(Llm("r1", Now.AddMilliseconds(-1), 1.0), Llm("r1", Now, 2.0));
        Assert.Equal(3.0, Metrics(FiveMinutes).CostUsd);

        // 12:06:00: the window (12:01:00, 12:06:00] still overlaps the 12:01 bucket but no longer the 12:00 bucket.
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2.0, Metrics(FiveMinutes).CostUsd);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0.0, Metrics(FiveMinutes).CostUsd);
        Assert.Equal(3.0, Metrics(OneHour).CostUsd);
    }

    [Fact]
    public void A_series_of_one_metric_matches_the_full_series_bucket_by_bucket()
    {
        Apply(Llm("r1", Now, 1.0), Llm("r1", Now.AddMinutes(-3), 2.0), Llm("r1", Now.AddMinutes(-3), 0.5), Llm("r1", Now.AddMinutes(-58), 4.0));

        var full = _monitor.Windows.Series(OneHour, Now);
        var costs = _monitor.Windows.SeriesOf(OneHour, Now, static c => c.CostNanos);

        Assert.Equal(full.Select(p => p.Totals.CostNanos), costs);
        Assert.Equal(3, costs.Count(c => c != 0)); // three busy minutes (two events share one), the rest zero
        Assert.Equal(2.5, Money.ToUsd(costs[^4]));
    }

    [Fact]
    public void Events_on_both_sides_of_an_hour_boundary_roll_out_of_the_day_window_an_hour_apart()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 13, 0, 0, TimeSpan.Zero));
        Apply(Llm("r1", Now.AddSeconds(-1), 1.0), Llm("r1", Now, 2.0));

        _clock.Advance(TimeSpan.FromHours(24)); // the 12h bucket has left (13:00, 13:00 next day]; the 13h bucket still overlaps it
        Assert.Equal(2.0, Metrics(OneDay).CostUsd);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0.0, Metrics(OneDay).CostUsd);
        Assert.Equal(3.0, Metrics(SevenDays).CostUsd);
    }

    [Fact]
    public void Late_and_out_of_order_events_count_in_the_windows_their_timestamps_belong_to()
    {
        Apply(Llm("r1", Now, 1.0));
        Apply(Llm("r1", Now.AddMinutes(-90), 2.0)); // older than 1h, within the minute ring
        Apply(Llm("r1", Now.AddHours(-3), 4.0));    // older than the minute ring: hour buckets only
        Apply(Llm("r1", Now.AddMinutes(-3), 8.0));  // arrives last, belongs in the 5m window

        Assert.Equal(9.0, Metrics(FiveMinutes).CostUsd);
        Assert.Equal(9.0, Metrics(OneHour).CostUsd);
        Assert.Equal(11.0, Metrics(TimeSpan.FromHours(2)).CostUsd);
        Assert.Equal(15.0, Metrics(OneDay).CostUsd);
    }

    [Fact]
    public void Window_edges_include_the_whole_partial_bucket_at_the_start()
    {
        // now = 12:00:30: 11:00:50 lies in (11:00:30, 12:00:30]; 10:59:30 is in a bucket that ends before the window starts.
        Apply(Llm("r1", Now.AddMinutes(-60).AddSeconds(20), 1.0), Llm("r1", Now.AddMinutes(-61), 2.0));

        Assert.Equal(1.0, Metrics(OneHour).CostUsd);
    }

    [Fact]
    public void A_run_straddling_the_window_edge_counts_its_calls_by_time_and_its_totals_where_it_finished()
    {
        Apply(
            Started("r1", Now.AddMinutes(-70)),
            Llm("r1", Now.AddMinutes(-65), 1.0),
            Tool("r1", Now.AddMinutes(-64)),
            Llm("r1", Now.AddMinutes(-20), 0.5),
            Tool("r1", Now.AddMinutes(-19)),
            Finished("r1", Now.AddMinutes(-10)));

        var hour = Metrics(OneHour);
        Assert.Equal(0.5, hour.CostUsd);          // call-level: only the call inside the hour
        Assert.Equal(1, hour.ToolCalls);
        Assert.Equal(0, hour.RunsStarted);        // started before the window
        Assert.Equal(1, hour.RunsFinished);
        Assert.Equal(1.5, hour.CostPerRun);       // run-level: the whole run's cost
        Assert.Equal(1.5, hour.CostPerSuccessfulRun);
        Assert.Equal(2.0, hour.ToolCallsPerRun);
    }

    [Fact]
    public void Events_that_arrive_after_run_finished_move_the_run_totals_in_its_finish_bucket()
    {
        Apply(Started("r1", Now.AddMinutes(-5)), Llm("r1", Now.AddMinutes(-4), 0.10), Finished("r1", Now.AddMinutes(-1)));
        Assert.Equal(0.10, Metrics(OneHour).CostPerSuccessfulRun, 9);

        Apply(Llm("r1", Now.AddMinutes(-3), 0.15), Tool("r1", Now.AddMinutes(-2)));

        var hour = Metrics(OneHour);
        Assert.Equal(1, hour.RunsFinished);
        Assert.Equal(0.25, hour.CostPerSuccessfulRun, 9);
        Assert.Equal(1.0, hour.ToolCallsPerRun);
    }

    [Fact]
    public void Run_finished_arriving_first_still_gives_exact_run_totals()
    {
        Apply(Finished("r1", Now.AddMinutes(-1), RunOutcome.Failure), Llm("r1", Now.AddMinutes(-4), 0.3), Started("r1", Now.AddMinutes(-5)));

        var hour = Metrics(OneHour);
        Assert.Equal(1, hour.RunsFailed);
        Assert.Equal(0, hour.RunsSucceeded);
        Assert.Equal(0.3, hour.CostPerRun, 9);
        Assert.Equal(0, hour.CostPerSuccessfulRun);
    }

    [Fact]
    public void A_run_started_twice_counts_as_one_started_run()
    {
        // E.g. an OpenTelemetry trace whose nested agent span was exported before its parent's: two starts, one run.
        Apply(Started("r1", Now.AddMinutes(-3)), Started("r1", Now.AddMinutes(-5)), Started("r2", Now.AddMinutes(-2)));

        Assert.Equal(2, Metrics(OneHour).RunsStarted);
    }

    [Fact]
    public void Retry_error_and_eval_rates_follow_their_definitions()
    {
        Apply(
            Llm("r1", Now, 0, attempt: 1),
            Llm("r1", Now, 0, attempt: 2),
            Llm("r1", Now, 0, status: CallStatus.Error),
            Tool("r1", Now, attempt: 3, status: CallStatus.Error),
            Tool("r1", Now, status: CallStatus.Denied, violations: ["denied by the agent's sandbox"]),
            Eval("r1", Now, 0.9, passed: true),
            Eval("r1", Now, 0.5, passed: false),
            Eval("r1", Now, 0.7));

        var m = Metrics(FiveMinutes);
        Assert.Equal(2.0 / 5, m.RetryRate);  // attempts above 1 among 5 calls
        Assert.Equal(2.0 / 5, m.ErrorRate);  // denied is a violation, not an error
        Assert.Equal(3, m.EvalCount);
        Assert.Equal(0.7, m.EvalScore, 9);
        Assert.Equal(0.5, m.EvalPassRate);   // passed among evals that say
        Assert.Equal(1, m.Violations);
    }

    [Fact]
    public void Empty_denominators_give_zero()
    {
        Apply(Started("r1", Now));

        var m = Metrics(OneHour);
        Assert.Equal(0, m.CostPerRun);
        Assert.Equal(0, m.CostPerSuccessfulRun);
        Assert.Equal(0, m.RetryRate);
        Assert.Equal(0, m.EvalScore);
        Assert.Equal(0, m.ToolCallsPerRun);
    }

    [Fact]
    public void A_minute_slot_reused_two_hours_later_forgets_the_old_bucket()
    {
        Apply(Llm("r1", Now, 1.0));
        _clock.Advance(TimeSpan.FromMinutes(121)); // same slot of the 121-minute ring
        Apply(Llm("r2", Now, 2.0));

        Assert.Equal(2.0, Metrics(FiveMinutes).CostUsd);
        Assert.Equal(2.0, Metrics(TimeSpan.FromHours(2)).CostUsd);
        Assert.Equal(3.0, Metrics(OneDay).CostUsd);
    }

    [Fact]
    public void Events_stamped_in_the_future_count_now()
    {
        Apply(Llm("r1", Now.AddMinutes(3), 1.0));

        Assert.Equal(1.0, Metrics(FiveMinutes).CostUsd);
    }

    [Fact]
    public void By_model_and_by_tool_cover_the_window()
    {
        Apply(
            Llm("r1", Now, 1.0, input: 100, output: 10, cached: 40, model: "gpt-4o"),
            Llm("r1", Now.AddHours(-2), 2.0, model: "claude-sonnet-4"),
            Tool("r1", Now, tool: "read_file", attempt: 2),
            Tool("r1", Now, tool: "read_file", status: CallStatus.Error),
            Tool("r1", Now.AddHours(-3), tool: "search"));

        var hour = _monitor.Snapshot("a", EntityKind.Agent, OneHour, Now);
        Assert.Equal(["gpt-4o"], hour.ByModel.Keys);
        Assert.Equal(new ModelUsageView(1, 100, 10, 40, 1.0), hour.ByModel["gpt-4o"]);
        Assert.Equal(new ToolUsageView(2, 1, 1), hour.ByTool["read_file"]);
        Assert.False(hour.ByTool.ContainsKey("search"));

        var day = _monitor.Snapshot("a", EntityKind.Agent, OneDay, Now);
        Assert.Equal(2, day.ByModel.Count);
        Assert.Equal(1, day.ByTool["search"].Calls);
    }

    [Fact]
    public void Last_event_at_is_the_latest_timestamp_whatever_the_arrival_order()
    {
        Apply(Llm("r1", Now.AddMinutes(-1), 0), Llm("r1", Now.AddMinutes(-30), 0));

        Assert.Equal(Now.AddMinutes(-1), _monitor.LastEventAt);
    }
}
