using System.Globalization;
using AgentOps.Events;
using AgentOps.Monitoring;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Memory of one agent's state with full windows: every minute bucket of the last 2 hours and every hour bucket of
/// 7 days holds model calls (2 models), tool calls (5 tools), evals and a finished run.
/// </summary>
public static class MemoryProbe
{
    public static int Run(int agents)
    {
        var now = DateTimeOffset.UtcNow;
        var times = Enumerable.Range(0, 120).Select(m => now.AddMinutes(-m))
            .Concat(Enumerable.Range(2, 166).Select(h => now.AddHours(-h))).ToList();
        string[] tools = ["read_file", "search", "http_get", "run_tests", "post_comment"];
        string[] models = ["gpt-4o", "claude-sonnet-4"];

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var monitors = new EntityMonitor[agents];
        long id = 0;
        for (var a = 0; a < agents; a++)
        {
            var monitor = new EntityMonitor();
            foreach (var at in times)
            {
                var run = $"run-{a}-{at.UtcTicks}";
                AgentEvent Base(EventType type) => new() { Id = (id++).ToString(CultureInfo.InvariantCulture), Type = type, Timestamp = at, AgentId = "agent", RunId = run };
                monitor.Apply(Base(EventType.RunStarted), now);
                foreach (var model in models)
                {
                    monitor.Apply(Base(EventType.LlmCall) with { Model = model, InputTokens = 1000, OutputTokens = 100, CostNanos = 1_000_000 }, now);
                }

                foreach (var tool in tools)
                {
                    monitor.Apply(Base(EventType.ToolCall) with { Tool = tool }, now);
                }

                monitor.Apply(Base(EventType.Eval) with { Score = 0.9, Passed = true }, now);
                monitor.Apply(Base(EventType.RunFinished) with { Outcome = RunOutcome.Success }, now);
            }

            monitors[a] = monitor;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perAgent = (after - before) / (double)agents;
        var windows = monitors[0].Windows.ApproximateBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {agents} agent monitors with full windows (121 minute + 169 hour buckets, 2 models, 5 tools, {times.Count} runs in the ledger)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes per agent    : {perAgent:0} total, of which windows ~{windows} and run ledger ~{perAgent - windows:0}"));
        GC.KeepAlive(monitors);
        return 0;
    }
}
