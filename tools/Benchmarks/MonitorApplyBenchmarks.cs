using System.Runtime.InteropServices;
using AgentOps.Events;
using AgentOps.Monitoring;
using AgentOps.Rules;
using AgentOps.Runs;
using AgentOps.Windows;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// The per-event work inside an entity grain, and the grain's judgement of its rules.
/// <list type="bullet">
/// <item><see cref="Apply"/>: <see cref="EntityMonitor.Apply"/> (both bucket rings, the run ledger, run-level
/// corrections), per event, on one busy agent in steady state (<see cref="AgentEventStream"/>: 5 events/s, 20 runs in
/// flight, time advancing with every event; each iteration starts from a monitor that has already taken 2 hours of
/// the stream, so rings are populated and the ledger holds ~1,000 runs that it sweeps as they age).
/// <see cref="WindowsAddEvent"/> is the <see cref="RollingWindows"/> part alone. Baseline: one
/// <c>Dictionary&lt;string, long&gt;</c> increment per event keyed by the event's run id.</item>
/// <item><see cref="JudgeDefaultRules"/>: <see cref="RuleJudge.Judge"/> of the four <see cref="DefaultRules"/>, one
/// operation = all four rules, on a monitor with full windows (7 days of history, every hour and minute bucket
/// populated), with the grain's <see cref="BaselineCache"/> warm as between two judgements of the same hour;
/// <see cref="JudgeDefaultRulesColdBaselines"/> recomputes the two 7-day baselines (hour turned, or a late event changed
/// the past).</item>
/// </list>
/// </summary>
/// <remarks>
/// The apply benchmarks change state, so an iteration is a fixed <see cref="InvocationsPerIteration"/> x
/// <see cref="EventsPerInvoke"/> events and each iteration set-up rebuilds the warmed monitor outside the measurement.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class MonitorApplyBenchmarks
{
    /// <summary>Invocations per iteration (fixed: each applies the next events of the stream; divisible by the unroll factor 16).</summary>
    public const int InvocationsPerIteration = 4_096;

    /// <summary>Events applied per invocation.</summary>
    public const int EventsPerInvoke = 64;

    private const string AgentId = "pr-reviewer";
    private const double EventsPerSecond = 5;
    private const int RunsInFlight = 20;
    private const int WarmUpEvents = (int)(2 * 3_600 * EventsPerSecond);
    private const int MeasuredEvents = InvocationsPerIteration * EventsPerInvoke;

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private AgentEvent[] _events = [];
    private DateTimeOffset[] _nows = [];
    private EntityMonitor _monitor = null!;
    private RollingWindows _windows = null!;
    private int _cursor;
    private int _countCursor;

    private EntityMonitor _history = null!;
    private DateTimeOffset _judgeNow;
    private IReadOnlyList<AlertRule> _rules = [];
    private BaselineCache _baselines = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 6, 2, 6, 0, 0, TimeSpan.Zero);
        var stream = AgentEventStream.Create(AgentId, WarmUpEvents + MeasuredEvents, start, EventsPerSecond, RunsInFlight).ToArray();
        _events = stream.Select(s => s.Event).ToArray();
        _nows = stream.Select(s => s.Now).ToArray();

        // The stream is what it claims: steady state, no ledger eviction, every kind of event counted.
        var monitor = new EntityMonitor();
        var maxRuns = 0;
        for (var i = 0; i < _events.Length; i++)
        {
            monitor.Apply(_events[i], _nows[i]);
            if (i >= WarmUpEvents)
            {
                maxRuns = Math.Max(maxRuns, monitor.Runs.Count);
            }
        }

        Check(maxRuns is > 200 and < RunLedger.MaxRuns, $"the ledger held up to {maxRuns} runs (expected a steady few hundred to ~1,000, below the {RunLedger.MaxRuns} cap)");
        var lastHour = monitor.Windows.Sum(TimeSpan.FromHours(1), _nows[^1]);
        Check(lastHour is { LlmCalls: > 0, ToolCalls: > 0, Evals: > 0, RunsSucceeded: > 0, RunsFailed: > 0, Violations: > 0, CostNanos: > 0 },
            "the last hour of the stream lacks some kind of event");

        _history = BuildHistory(out _judgeNow);
        _rules = DefaultRules.Create(start);
        Check(_rules.Count == 4, "there are not four default rules");
        _baselines = new BaselineCache();
        foreach (var rule in _rules)
        {
            var judgement = RuleJudge.Judge(rule, _history.Windows, _judgeNow, _baselines);
            Check(judgement.Judged, $"rule {rule.Id} is not judged on the 7-day monitor (too few samples or baseline points)");
        }

        ResetMonitor();
        ResetWindows();
    }

    [IterationSetup(Target = nameof(Apply))]
    public void ResetMonitor()
    {
        _monitor = new EntityMonitor();
        for (var i = 0; i < WarmUpEvents; i++)
        {
            _monitor.Apply(_events[i], _nows[i]);
        }

        _cursor = WarmUpEvents;
    }

    [IterationSetup(Target = nameof(WindowsAddEvent))]
    public void ResetWindows()
    {
        _windows = new RollingWindows();
        for (var i = 0; i < WarmUpEvents; i++)
        {
            AddToWindows(_windows, _events[i], _nows[i]);
        }

        _cursor = WarmUpEvents;
    }

    /// <summary>One dictionary increment per event (keyed by its run id): the least a per-event count can cost.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public long DictionaryIncrement()
    {
        var from = _countCursor + EventsPerInvoke <= _events.Length ? _countCursor : 0;
        long last = 0;
        for (var i = from; i < from + EventsPerInvoke; i++)
        {
            last = ++CollectionsMarshal.GetValueRefOrAddDefault(_counts, _events[i].RunId, out _);
        }

        _countCursor = from + EventsPerInvoke;
        return last;
    }

    /// <summary>The entity grain's per-event work: <see cref="EntityMonitor.Apply"/> with the grain's clock.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int Apply()
    {
        var from = NextBlock();
        for (var i = from; i < from + EventsPerInvoke; i++)
        {
            _monitor.Apply(_events[i], _nows[i]);
        }

        return _monitor.Runs.Count;
    }

    /// <summary>The rolling windows' part of <see cref="Apply"/> alone (both rings, no run ledger).</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int WindowsAddEvent()
    {
        var from = NextBlock();
        for (var i = from; i < from + EventsPerInvoke; i++)
        {
            AddToWindows(_windows, _events[i], _nows[i]);
        }

        return from;
    }

    /// <summary>The four default rules judged on full windows, baselines from the grain's warm cache. One operation = four rules.</summary>
    [Benchmark]
    public double JudgeDefaultRules()
    {
        var sum = 0.0;
        foreach (var rule in _rules)
        {
            sum += RuleJudge.Judge(rule, _history.Windows, _judgeNow, _baselines).Value;
        }

        return sum;
    }

    /// <summary>The four default rules with the two 7-day baselines recomputed (a new hour, or a late event changed the past). One operation = four rules.</summary>
    [Benchmark]
    public double JudgeDefaultRulesColdBaselines()
    {
        var cache = new BaselineCache();
        var sum = 0.0;
        foreach (var rule in _rules)
        {
            sum += RuleJudge.Judge(rule, _history.Windows, _judgeNow, cache).Value;
        }

        return sum;
    }

    /// <summary>7 days of one agent at 0.5 events/s (4 runs in flight) ending at <paramref name="now"/>: every bucket of both rings populated.</summary>
    private static EntityMonitor BuildHistory(out DateTimeOffset now)
    {
        const double eventsPerSecond = 0.5;
        var days = RollingWindows.MaxWindow;
        var start = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var monitor = new EntityMonitor();
        now = start;
        foreach (var (e, arrival) in AgentEventStream.Create(AgentId, (long)(days.TotalSeconds * eventsPerSecond), start, eventsPerSecond, runsInFlight: 4, seed: 7))
        {
            monitor.Apply(e, arrival);
            now = arrival;
        }

        var series = monitor.Windows.Series(days, now);
        Check(series.Count(p => p.Totals.Calls > 0) >= 168, "the 7-day monitor has hour buckets without calls");
        return monitor;
    }

    private static void AddToWindows(RollingWindows windows, AgentEvent e, DateTimeOffset now) =>
        windows.AddEvent(e, e.Timestamp <= now ? e.Timestamp : now, now);

    private int NextBlock()
    {
        var from = _cursor;
        if (from + EventsPerInvoke > _events.Length)
        {
            throw new InvalidOperationException(
                $"More than {InvocationsPerIteration} invocations in one iteration: the stream of {MeasuredEvents} events per iteration is used up. Keep [InvocationCount({InvocationsPerIteration})].");
        }

        _cursor = from + EventsPerInvoke;
        return from;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"MonitorApplyBenchmarks setup: {what}.");
        }
    }
}
