using AgentOps.Entities;
using AgentOps.Monitoring;
using AgentOps.Rules;
using static AgentOps.Grains.Tests.Model.Events;

namespace AgentOps.Grains.Tests.Model;

public sealed class RuleJudgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 30, 0, TimeSpan.Zero);
    private readonly EntityMonitor _monitor = new();
    private readonly BaselineCache _cache = new();

    private static AlertRule CostRule(double factor = 2.0, BaselineStat stat = BaselineStat.Median, int minPoints = 3, int minSamples = 5) => new()
    {
        Id = "cost",
        Metric = "costPerSuccessfulRun",
        Window = TimeSpan.FromHours(1),
        Op = ComparisonOp.GreaterOrEqual,
        Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), Stat = stat, Factor = factor, MinPoints = minPoints },
        MinSamples = minSamples,
    };

    private void Run(string id, DateTimeOffset at, double cost, params string[] tools)
    {
        _monitor.Apply(Started(id, at), Now);
        _monitor.Apply(Llm(id, at, cost), Now);
        foreach (var tool in tools)
        {
            _monitor.Apply(Tool(id, at, tool), Now);
        }

        _monitor.Apply(Finished(id, at.AddSeconds(30)), Now);
    }

    private Judgement Judge(AlertRule rule) => RuleJudge.Judge(rule, _monitor.Windows, Now, _cache);

    private void History(int hours, double cost, int runsPerHour = 1)
    {
        for (var h = 2; h < 2 + hours; h++)
        {
            for (var r = 0; r < runsPerHour; r++)
            {
                Run($"h{h}-{r}", Now.AddHours(-h).AddMinutes(r), cost);
            }
        }
    }

    [Fact]
    public void Cost_at_two_and_a_half_times_the_hourly_median_breaches_the_two_times_rule()
    {
        History(hours: 72, cost: 0.10);
        for (var i = 0; i < 10; i++)
        {
            Run($"new{i}", Now.AddMinutes(-50 + (i * 4)), 0.25);
        }

        var judgement = Judge(CostRule());
        Assert.True(judgement.Judged);
        Assert.True(judgement.Breached);
        Assert.Equal(0.25, judgement.Value, 12);
        Assert.Equal(0.20, judgement.Threshold, 12);
    }

    [Fact]
    public void The_same_cost_as_the_baseline_does_not_breach()
    {
        History(hours: 10, cost: 0.10);
        for (var i = 0; i < 6; i++)
        {
            Run($"new{i}", Now.AddMinutes(-30 + i), 0.10);
        }

        var judgement = Judge(CostRule());
        Assert.True(judgement.Judged);
        Assert.False(judgement.Breached);
    }

    [Fact]
    public void Below_min_samples_the_rule_does_not_judge()
    {
        History(hours: 10, cost: 0.10);
        for (var i = 0; i < 4; i++)
        {
            Run($"new{i}", Now.AddMinutes(-30 + i), 1.00);
        }

        Assert.False(Judge(CostRule(minSamples: 5)).Judged);
    }

    [Fact]
    public void Below_min_points_the_rule_does_not_judge()
    {
        History(hours: 2, cost: 0.10);
        for (var i = 0; i < 6; i++)
        {
            Run($"new{i}", Now.AddMinutes(-30 + i), 1.00);
        }

        Assert.False(Judge(CostRule(minPoints: 3)).Judged);
        Assert.True(Judge(CostRule(minPoints: 2)).Judged);
    }

    [Fact]
    public void Hours_without_samples_are_skipped_and_the_current_window_is_excluded()
    {
        // Hours with runs: 3h, 5h and 7h ago at 0.10; the quiet hours in between must not pull the median to 0.
        Run("a", Now.AddHours(-3), 0.10);
        Run("b", Now.AddHours(-5), 0.10);
        Run("c", Now.AddHours(-7), 0.10);
        for (var i = 0; i < 6; i++)
        {
            Run($"new{i}", Now.AddMinutes(-20 + i), 0.15); // inside the current window: never part of its own baseline
        }

        var judgement = Judge(CostRule(factor: 1.0));
        Assert.Equal(0.10, judgement.Threshold, 12);
        Assert.True(judgement.Breached);
    }

    [Theory]
    [InlineData(BaselineStat.Median, 0.2)]
    [InlineData(BaselineStat.Mean, 0.26)]
    [InlineData(BaselineStat.P90, 0.5)]
    public void Baseline_statistics_follow_their_definitions(BaselineStat stat, double expected)
    {
        double[] hourly = [0.1, 0.2, 0.2, 0.3, 0.5];
        for (var h = 0; h < hourly.Length; h++)
        {
            Run($"h{h}", Now.AddHours(-3 - h), hourly[h]);
        }

        for (var i = 0; i < 5; i++)
        {
            Run($"new{i}", Now.AddMinutes(-20 + i), 1.0);
        }

        Assert.Equal(expected, Judge(CostRule(factor: 1.0, stat: stat)).Threshold, 12);
    }

    [Fact]
    public void A_baseline_is_recomputed_when_a_late_event_changes_the_past()
    {
        History(hours: 5, cost: 0.10);
        for (var i = 0; i < 6; i++)
        {
            Run($"new{i}", Now.AddMinutes(-30 + i), 0.15);
        }

        Assert.Equal(0.10, Judge(CostRule(factor: 1.0)).Threshold, 12);
        _monitor.Apply(Llm("h3-0", Now.AddHours(-3), 0.30), Now); // a late call of an old run makes that hour dearer
        _monitor.Apply(Llm("h4-0", Now.AddHours(-4), 0.30), Now);
        _monitor.Apply(Llm("h5-0", Now.AddHours(-5), 0.30), Now);
        Assert.Equal(0.40, Judge(CostRule(factor: 1.0)).Threshold, 12);
    }

    [Fact]
    public void A_fixed_threshold_rule_judges_the_window_value()
    {
        for (var i = 0; i < 20; i++)
        {
            _monitor.Apply(Llm("r", Now.AddMinutes(-5), 0, attempt: i < 5 ? 2 : 1), Now);
        }

        var rule = new AlertRule { Id = "retry", Metric = "retryRate", Window = TimeSpan.FromMinutes(10), Op = ComparisonOp.GreaterThan, Threshold = 0.2, MinSamples = 20 };
        var judgement = Judge(rule);
        Assert.True(judgement.Breached);
        Assert.Equal(0.25, judgement.Value);
        Assert.False(Judge(rule with { MinSamples = 21 }).Judged);
        Assert.False(Judge(rule with { Threshold = 0.25 }).Breached);
        Assert.True(Judge(rule with { Threshold = 0.25, Op = ComparisonOp.GreaterOrEqual }).Breached);
    }

    [Fact]
    public void Tool_drift_compares_the_window_mix_with_the_baseline_mix()
    {
        for (var h = 2; h < 8; h++)
        {
            Run($"h{h}", Now.AddHours(-h), 0.1, "read_file", "search");
        }

        var rule = new AlertRule
        {
            Id = "drift",
            Metric = MetricCatalog.ToolDrift,
            Window = TimeSpan.FromHours(1),
            Op = ComparisonOp.GreaterThan,
            Threshold = 0.5,
            Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), MinPoints = 3 },
            MinSamples = 5,
        };
        for (var i = 0; i < 3; i++)
        {
            Run($"same{i}", Now.AddMinutes(-10 - i), 0.1, "read_file", "search");
        }

        var same = Judge(rule);
        Assert.True(same.Judged);
        Assert.Equal(0, same.Value, 12);

        for (var i = 0; i < 20; i++)
        {
            Run($"new{i}", Now.AddMinutes(-9 + (i / 10.0)), 0.1, "shell_exec", "delete_branch");
        }

        var drifted = Judge(rule);
        Assert.True(drifted.Breached);
        Assert.InRange(drifted.Value, 0.5, 1.0);
    }

    [Fact]
    public void Jensen_shannon_is_zero_for_the_same_mix_one_for_disjoint_mixes_and_symmetric()
    {
        var a = new Dictionary<string, long> { ["x"] = 3, ["y"] = 1 };
        var b = new Dictionary<string, long> { ["x"] = 30, ["y"] = 10 };
        var c = new Dictionary<string, long> { ["z"] = 5 };
        var d = new Dictionary<string, long> { ["x"] = 1, ["y"] = 1 };
        Assert.Equal(0, Statistics.JensenShannon(a, b), 12);
        Assert.Equal(1, Statistics.JensenShannon(a, c), 12);
        Assert.Equal(Statistics.JensenShannon(a, d), Statistics.JensenShannon(d, a), 12);
        Assert.InRange(Statistics.JensenShannon(a, d), 0.01, 0.99);
        // p = (1/2, 1/2), q = (1, 0): JSD = 1 - (3/4)·log2(4/3)... computed: H(M) - (H(P)+H(Q))/2 with M = (3/4, 1/4)
        var expected = -((0.75 * Math.Log2(0.75)) + (0.25 * Math.Log2(0.25))) - (1.0 / 2);
        Assert.Equal(expected, Statistics.JensenShannon(d, new Dictionary<string, long> { ["x"] = 1 }), 12);
    }

    [Fact]
    public void Every_live_state_metric_and_tool_drift_can_be_judged()
    {
        var names = typeof(MetricsView).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
        Assert.All(names, name => Assert.True(MetricCatalog.IsKnown(name), name));
        Assert.True(MetricCatalog.IsKnown("toolDrift"));
        Assert.False(MetricCatalog.IsKnown("latency"));
    }
    [Fact]
    public void A_baseline_of_zero_judges_nothing_so_free_models_do_not_fire_the_cost_rule()
    {
        var monitor = new EntityMonitor();
        void Run(string id, DateTimeOffset at)
        {
            monitor.Apply(Started(id, at), Now);
            monitor.Apply(Llm(id, at, 0.0, model: "my-self-hosted-llama"), Now);
            monitor.Apply(Finished(id, at.AddSeconds(30)), Now);
        }

        for (var h = 2; h < 30; h++)
        {
            Run($"old{h}", Now.AddHours(-h));
        }

        for (var i = 0; i < 6; i++)
        {
            Run($"new{i}", Now.AddMinutes(-30 + i));
        }

        var rule = DefaultRules.Create(Now).Single(r => r.Id == "cost-per-successful-run-2x-median");
        Assert.False(RuleJudge.Judge(rule, monitor.Windows, Now, new BaselineCache()).Judged); // 0 >= 2 x 0 is no regression
    }

    [Theory]
    [InlineData("evalPassRate", ComparisonOp.LessThan, 0.9)]
    [InlineData("retryRate", ComparisonOp.LessOrEqual, 0.5)]
    [InlineData("costPerRun", ComparisonOp.LessThan, 1.0)]
    public void A_ratio_over_an_empty_window_is_not_judged(string metric, ComparisonOp op, double threshold)
    {
        var rule = new AlertRule { Id = "ratio", Metric = metric, Window = TimeSpan.FromMinutes(10), Op = op, Threshold = threshold };
        var monitor = new EntityMonitor();
        monitor.Apply(Eval("r", Now.AddMinutes(-1), score: 0.8), Now); // activity, but no verdicts, calls or finished runs

        Assert.False(RuleJudge.Judge(rule, monitor.Windows, Now, new BaselineCache()).Judged);
    }

    [Fact]
    public void A_cached_baseline_follows_the_hours_out_of_a_sub_hour_window_as_they_move_within_the_hour()
    {
        var noon = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        var rule = new AlertRule
        {
            Id = "retry-vs-baseline",
            Metric = "retryRate",
            Window = TimeSpan.FromMinutes(10),
            Op = ComparisonOp.GreaterThan,
            Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), Stat = BaselineStat.Median, Factor = 2.0, MinPoints = 3 },
        };
        var monitor = new EntityMonitor();
        var at1205 = noon.AddMinutes(5);
        foreach (var hour in new[] { 9, 10, 11 })
        {
            for (var i = 0; i < 10; i++)
            {
                monitor.Apply(Llm($"h{hour}", noon.AddHours(hour - 12).AddMinutes(10 + i), 0.01, attempt: i == 0 ? 2 : 1), at1205);
            }
        }

        for (var i = 0; i < 10; i++)
        {
            monitor.Apply(Llm("now", noon.AddMinutes(6).AddSeconds(i * 10), 0.01, attempt: i % 2 == 0 ? 2 : 1), at1205);
        }

        var cache = new BaselineCache();
        Assert.False(RuleJudge.Judge(rule, monitor.Windows, at1205, cache).Judged); // hour 11 overlaps 11:55-12:05: 2 hours

        var at1215 = noon.AddMinutes(15); // hour 11 has left 12:05-12:15: 3 hours, median retry rate 0.1
        var cached = RuleJudge.Judge(rule, monitor.Windows, at1215, cache);
        Assert.Equal(RuleJudge.Judge(rule, monitor.Windows, at1215, new BaselineCache()), cached);
        Assert.True(cached.Breached);
    }
}
