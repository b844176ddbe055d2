using System.Collections.Frozen;
using AgentOps.Entities;
using AgentOps.Windows;

namespace AgentOps.Rules;

/// <summary>The metrics a rule can judge: every live-state metric of API.md, plus <see cref="ToolDrift"/>.</summary>
public static class MetricCatalog
{
    /// <summary>The Jensen-Shannon divergence between the tool mix of the window and that of the baseline window.</summary>
    public const string ToolDrift = MetricNames.ToolDrift;

    private static readonly FrozenDictionary<string, MetricDefinition> Definitions = new MetricDefinition[]
    {
        new("runsStarted", SampleKind.RunsStarted, m => m.RunsStarted),
        new("runsFinished", SampleKind.RunsFinished, m => m.RunsFinished),
        new("runsSucceeded", SampleKind.RunsFinished, m => m.RunsSucceeded),
        new("runsFailed", SampleKind.RunsFinished, m => m.RunsFailed),
        new("costUsd", SampleKind.Calls, m => m.CostUsd),
        new("costPerRun", SampleKind.RunsFinished, m => m.CostPerRun, IsRatio: true),
        new("costPerSuccessfulRun", SampleKind.RunsSucceeded, m => m.CostPerSuccessfulRun, IsRatio: true),
        new("inputTokens", SampleKind.Calls, m => m.InputTokens),
        new("outputTokens", SampleKind.Calls, m => m.OutputTokens),
        new("cachedInputTokens", SampleKind.Calls, m => m.CachedInputTokens),
        new("llmCalls", SampleKind.Calls, m => m.LlmCalls),
        new("toolCalls", SampleKind.Calls, m => m.ToolCalls),
        new("toolCallsPerRun", SampleKind.RunsFinished, m => m.ToolCallsPerRun, IsRatio: true),
        new("retryRate", SampleKind.Calls, m => m.RetryRate, IsRatio: true),
        new("errorRate", SampleKind.Calls, m => m.ErrorRate, IsRatio: true),
        new("evalCount", SampleKind.Evals, m => m.EvalCount),
        new("evalScore", SampleKind.Evals, m => m.EvalScore, IsRatio: true),
        new("evalPassRate", SampleKind.EvalVerdicts, m => m.EvalPassRate, IsRatio: true),
        new("violations", SampleKind.Calls, m => m.Violations),
        new("unpricedCalls", SampleKind.Calls, m => m.UnpricedCalls),
    }.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Every metric name a rule accepts.</summary>
    public static IEnumerable<string> Names => Definitions.Keys.Append(ToolDrift);

    /// <summary>True for a metric a rule can judge.</summary>
    public static bool IsKnown(string metric) => metric == ToolDrift || Definitions.ContainsKey(metric);

    /// <summary>True for a live-state metric the catalog can read.</summary>
    public static bool Reads(string metric) => Definitions.ContainsKey(metric);

    /// <summary>The definition of a live-state metric (not toolDrift).</summary>
    public static MetricDefinition Get(string metric) => Definitions[metric];

    /// <summary>The samples of a kind in some totals.</summary>
    public static long Samples(SampleKind kind, in MetricTotals totals) => kind switch
    {
        SampleKind.Calls => totals.Calls,
        SampleKind.ToolCalls => totals.ToolCalls,
        SampleKind.RunsStarted => totals.RunsStarted,
        SampleKind.RunsFinished => totals.RunsFinished,
        SampleKind.RunsSucceeded => totals.RunsSucceeded,
        SampleKind.Evals => totals.Evals,
        SampleKind.EvalVerdicts => totals.EvalsWithVerdict,
        _ => 0,
    };
}

/// <summary>
/// How to read one metric from a window's view, and what its samples are. A ratio over no samples reads 0 but means
/// nothing, so a ratio metric is judged only with at least one sample of its denominator.
/// </summary>
public sealed record MetricDefinition(string Name, SampleKind Samples, Func<MetricsView, double> Value, bool IsRatio = false);
