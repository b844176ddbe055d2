using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Fleet;
using AgentOps.Policy;
using AgentOps.Rules;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Tests.Fakes;

/// <summary>Realistic data of the seed's stories, as the grains would answer it.</summary>
public static class Data
{
    public static readonly DateTimeOffset Now = new(2025, 11, 27, 14, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<AlertRule> DefaultRules { get; } =
    [
        new() { Id = "cost-per-successful-run-2x-median", Metric = "costPerSuccessfulRun", Window = TimeSpan.FromHours(1), Op = ComparisonOp.GreaterOrEqual, Baseline = new RuleBaseline { Factor = 2 }, MinSamples = 5 },
        new() { Id = "retry-rate-above-20pct-10m", Metric = "retryRate", Window = TimeSpan.FromMinutes(10), Threshold = 0.2, For = TimeSpan.FromMinutes(10), MinSamples = 20 },
        new() { Id = "tool-outside-allowlist", Metric = "violations", Window = TimeSpan.FromMinutes(5), Threshold = 0, MinSamples = 1, Severity = AlertSeverity.Critical },
    ];

    public static EntitySummary Row(string id, double costPerHour = 0.5, double costPerSuccess = 0.05, double? baseline = 0.05, int firing = 0, AlertSeverity? severity = null,
        double retryRate = 0.01, double errorRate = 0, long violations = 0, EntityKind kind = EntityKind.Agent) => new()
        {
            Id = id,
            Kind = kind,
            LastEventAt = Now.AddMinutes(-2),
            CostPerHour = costPerHour,
            CostPerSuccessfulRun = costPerSuccess,
            CostPerSuccessfulRunBaseline = baseline,
            Runs = 12,
            RetryRate = retryRate,
            ErrorRate = errorRate,
            EvalScore = 0.86,
            EvalCount = 12,
            Violations = violations,
            FiringAlerts = firing,
            TopSeverity = severity,
            CostTrend = [0.1, 0.2, 0.1, 0.3, 0.2, 0.25, 0.3, 0.2, 0.4, 0.3, 0.35, 0.5],
            UpdatedAt = Now,
        };

    /// <summary>The fleet of the stories: a dearer PR reviewer (warning), a migrator out of bounds (critical), a scraper (info) and quiet agents.</summary>
    public static List<EntitySummary> Fleet() =>
    [
        Row("docs-qa", costPerHour: 3.0),
        Row("pr-reviewer", costPerHour: 2.5, costPerSuccess: 0.25, baseline: 0.10, firing: 1, severity: AlertSeverity.Warning),
        Row("invoice-extractor", costPerHour: 1234.5, costPerSuccess: 0.0042, baseline: null, retryRate: 0.125),
        Row("web-scraper", costPerHour: 0.2, firing: 1, severity: AlertSeverity.Info, retryRate: 0.31),
        Row("data-migrator", costPerHour: 0.1, firing: 2, severity: AlertSeverity.Critical, violations: 3),
    ];

    public static AlertView Alert(string id, string rule, string entity, AlertSeverity severity = AlertSeverity.Warning, AlertState state = AlertState.Firing,
        string metric = "costPerSuccessfulRun", double value = 0.25, double threshold = 0.20) => new()
        {
            AlertId = id,
            RuleId = rule,
            Scope = EntityKind.Agent,
            EntityId = entity,
            State = state,
            Severity = severity,
            Value = value,
            Threshold = threshold,
            StartsAt = Now.AddMinutes(-12),
            FiredAt = state == AlertState.Pending ? null : Now.AddMinutes(-12),
            ResolvedAt = state == AlertState.Resolved ? Now.AddMinutes(-1) : null,
            Summary = $"{metric} {value} vs {threshold} for agent {entity}",
            Metric = metric,
            Revision = 1,
        };

    public static MetricsView Metrics(double cost, long runs, double costPerSuccess, double retryRate = 0.02, double evalScore = 0.86, long violations = 0) => new()
    {
        RunsStarted = runs,
        RunsFinished = runs,
        RunsSucceeded = runs,
        CostUsd = cost,
        CostPerRun = runs == 0 ? 0 : cost / runs,
        CostPerSuccessfulRun = costPerSuccess,
        LlmCalls = runs * 2,
        ToolCalls = runs * 11,
        ToolCallsPerRun = 11,
        RetryRate = retryRate,
        ErrorRate = 0.01,
        EvalCount = runs,
        EvalScore = evalScore,
        EvalPassRate = 1,
        Violations = violations,
        InputTokens = runs * 68_000,
        OutputTokens = runs * 2_500,
        CachedInputTokens = runs * 4_000,
    };

    public static EntitySnapshot Snapshot(string id, TimeSpan window, MetricsView metrics, params AlertView[] alerts) => new()
    {
        Id = id,
        Kind = EntityKind.Agent,
        Window = window,
        LastEventAt = Now.AddMinutes(-1),
        Metrics = metrics,
        ByModel = new Dictionary<string, ModelUsageView> { ["gpt-4o"] = new(metrics.LlmCalls, metrics.InputTokens, metrics.OutputTokens, metrics.CachedInputTokens, metrics.CostUsd) },
        ByTool = new Dictionary<string, ToolUsageView>
        {
            ["read_file"] = new(metrics.RunsFinished * 9, 0, 1),
            ["search"] = new(metrics.RunsFinished, 0, 0),
            ["post_comment"] = new(metrics.RunsFinished, 1, 0),
        },
        Alerts = alerts,
    };

    public static IReadOnlyList<SeriesPoint> Series(TimeSpan window, int points, double costPerPoint) =>
        Enumerable.Range(0, points).Select(i => new SeriesPoint(Now - window + (window / points * i), Metrics(costPerPoint * (1 + (i % 3)), 1 + (i % 2), 0.2))).ToList();

    public static ViolationRecord Violation(string runId) =>
        new($"{runId}-7", runId, "db_write", ToolAction.Write, "db:production.orders", ["write to 'db:production.orders' is outside writeTargets", "denied by the agent's sandbox"],
            Now.AddMinutes(-3), "nightly-migrations", "svc-migrations");

    /// <summary>The migrator's run whose 4th step is a denied write to production.</summary>
    public static RunTrajectory MigratorRun(string runId)
    {
        AgentEvent Step(int n, EventType type, Func<AgentEvent, AgentEvent>? fill = null)
        {
            var e = new AgentEvent { Id = $"{runId}-{n}", Type = type, Timestamp = Now.AddSeconds(-60 + n), AgentId = "data-migrator", RunId = runId, RouteId = "nightly-migrations", UserId = "svc-migrations" };
            return fill is null ? e : fill(e);
        }

        var steps = new List<AgentEvent>
        {
            Step(0, EventType.RunStarted),
            Step(1, EventType.LlmCall, e => e with { Model = "claude-sonnet-4", InputTokens = 9_000, OutputTokens = 800, CostNanos = 39_000_000, LatencyMs = 3_400 }),
            Step(2, EventType.ToolCall, e => e with { Tool = "db_write", Action = ToolAction.Write, Target = "db:staging.orders", LatencyMs = 120 }),
            Step(3, EventType.ToolCall, e => e with
            {
                Tool = "db_write", Action = ToolAction.Write, Target = "db:production.orders", Status = CallStatus.Denied, ErrorType = "sandbox_denied",
                Violations = ["write to 'db:production.orders' is outside writeTargets", "denied by the agent's sandbox"],
            }),
            Step(4, EventType.ToolCall, e => e with { Tool = "db_read", Action = ToolAction.Read, Target = "db:staging.orders", Attempt = 2 }),
            Step(5, EventType.RunFinished, e => e with { Outcome = RunOutcome.Failure }),
        };
        var summary = new RunSummary
        {
            RunId = runId,
            AgentId = "data-migrator",
            RouteId = "nightly-migrations",
            UserId = "svc-migrations",
            Status = RunStatus.Failure,
            StartedAt = steps[0].Timestamp,
            FinishedAt = steps[^1].Timestamp,
            CostUsd = 0.039,
            InputTokens = 9_000,
            OutputTokens = 800,
            ToolCalls = 3,
            Violations = 1,
            LlmCalls = 1,
            Retries = 1,
        };
        return new RunTrajectory(summary, steps, null);
    }
}
