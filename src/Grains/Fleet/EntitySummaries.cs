using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Monitoring;
using AgentOps.Rules;

namespace AgentOps.Fleet;

/// <summary>Builds an entity's fleet row from its monitor: the last hour, its cost baseline and a 5-minute cost trend.</summary>
public static class EntitySummaries
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan TrendStep = TimeSpan.FromMinutes(5);

    /// <summary>The baseline the fleet shows next to cost per successful run: the 7-day hourly median, as the default rule uses.</summary>
    private static readonly AlertRule CostBaseline = new()
    {
        Id = "fleet:cost-per-successful-run-baseline",
        Metric = "costPerSuccessfulRun",
        Window = Hour,
        Baseline = new RuleBaseline { Window = TimeSpan.FromDays(7), Stat = BaselineStat.Median, Factor = 1, MinPoints = 3 },
    };

    public static EntitySummary Build(EntityMonitor monitor, EntityKind kind, string id, IReadOnlyList<AlertView> alerts, BaselineCache baselines, DateTimeOffset now)
    {
        var hour = monitor.Windows.Sum(Hour, now).ToView();
        var hours = monitor.Windows.Hours;
        var baseline = baselines.GetOrCompute(CostBaseline, RuleJudge.BaselineHours(CostBaseline, CostBaseline.Baseline!, hours, now), hours.HistoryVersion,
            () => RuleJudge.HourlyStat(CostBaseline, CostBaseline.Baseline!, MetricCatalog.Get(CostBaseline.Metric), hours, now));
        var firing = alerts.Where(a => a.State == AlertState.Firing).ToList();
        return new EntitySummary
        {
            Id = id,
            Kind = kind,
            LastEventAt = monitor.LastEventAt,
            CostPerHour = hour.CostUsd,
            CostPerSuccessfulRun = hour.CostPerSuccessfulRun,
            CostPerSuccessfulRunBaseline = baseline,
            Runs = hour.RunsFinished,
            RetryRate = hour.RetryRate,
            ErrorRate = hour.ErrorRate,
            EvalScore = hour.EvalScore,
            EvalCount = hour.EvalCount,
            Violations = hour.Violations,
            FiringAlerts = firing.Count,
            TopSeverity = firing.Count == 0 ? null : firing.Min(a => a.Severity),
            CostTrend = CostTrend(monitor, now),
            UpdatedAt = now,
        };
    }

    private static double[] CostTrend(EntityMonitor monitor, DateTimeOffset now)
    {
        var minutes = monitor.Windows.SeriesOf(Hour - TimeSpan.FromMinutes(1), now, static c => c.CostNanos); // 60 minute buckets ending now
        var points = new double[12];
        for (var i = 0; i < minutes.Length; i++)
        {
            var slot = Math.Min(points.Length - 1, i * points.Length / minutes.Length);
            points[slot] += Money.ToUsd(minutes[i]);
        }

        return points;
    }
}
