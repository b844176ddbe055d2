using System.Globalization;
using AgentOps.Events;

namespace AgentOps.Benchmarks;

/// <summary>
/// The validated events one agent grain receives, in arrival order, each with the grain's clock when it arrives:
/// runs in flight interleaved (a start, model and tool calls alternating, an eval in one run in ten, a finish; one in
/// ten fails), two models, eight tools, retries (5 % of calls), tool errors (4 %), policy violations (1 % of tool
/// calls), three routes, 500 users. Events arrive 50 ms after their timestamp, 2 % of them 1 to 3 minutes late
/// (out of order). Costs are priced at gpt-4o / gpt-4o-mini rates in nano-dollars, as the validator would.
/// </summary>
internal static class AgentEventStream
{
    private static readonly string[] Tools = ["read_file", "search", "http_get", "run_tests", "post_comment", "db_read", "list_dir", "write_file"];
    private static readonly string[] Routes = ["code-review", "triage", "release-notes"];
    private static readonly IReadOnlyList<string> Violation = ["tool 'write_file' is outside the agent's allowlist"];

    /// <summary>
    /// <paramref name="count"/> events arriving at <paramref name="eventsPerSecond"/> from <paramref name="start"/> on,
    /// over <paramref name="runsInFlight"/> concurrent runs.
    /// </summary>
    public static IEnumerable<(AgentEvent Event, DateTimeOffset Now)> Create(string agentId, long count, DateTimeOffset start, double eventsPerSecond, int runsInFlight, int seed = 42)
    {
        var random = new Random(seed);
        var runs = new Run?[runsInFlight];
        long nextRun = 0;
        var ticksPerEvent = TimeSpan.TicksPerSecond / eventsPerSecond;
        for (long i = 0; i < count; i++)
        {
            var arrival = start.AddTicks((long)(i * ticksPerEvent));
            var lateness = random.Next(50) == 0 ? TimeSpan.FromSeconds(60 + random.Next(120)) : TimeSpan.FromMilliseconds(random.Next(2_000));
            var slot = random.Next(runsInFlight);
            var run = runs[slot] ??= new Run
            {
                Id = $"run-{seed}-{nextRun++}",
                Route = Routes[random.Next(Routes.Length)],
                User = $"user-{random.Next(500):000}",
                Steps = 4 + random.Next(8),
                Evaluated = random.Next(10) == 0,
            };
            var e = new AgentEvent
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{run.Id}-{run.Step}"),
                Type = EventType.RunStarted,
                Timestamp = arrival - lateness - TimeSpan.FromMilliseconds(50),
                AgentId = agentId,
                RunId = run.Id,
                RouteId = run.Route,
                UserId = run.User,
                AgentVersion = "2025.06.1",
            };
            if (run.Step == 0)
            {
                // a start
            }
            else if (run.Step >= run.Steps)
            {
                e = e with { Type = EventType.RunFinished, Outcome = random.Next(10) == 0 ? RunOutcome.Failure : RunOutcome.Success };
                runs[slot] = null;
            }
            else if (run.Step == run.Steps - 1 && run.Evaluated)
            {
                e = e with { Type = EventType.Eval, Rubric = "helpfulness", Score = Math.Round(0.6 + (random.NextDouble() * 0.4), 3), Passed = random.Next(5) != 0, Evaluator = "llm-judge" };
            }
            else if (run.Step % 2 == 1)
            {
                var mini = run.Step == 1;
                var input = 500 + random.Next(4_000);
                var cached = input / 2;
                var output = 50 + random.Next(800);
                var cost = mini
                    ? ((input - cached) * 150L) + (cached * 75L) + (output * 600L) // gpt-4o-mini: $0.15, $0.075, $0.60 per 1M
                    : ((input - cached) * 2_500L) + (cached * 1_250L) + (output * 10_000L); // gpt-4o: $2.50, $1.25, $10 per 1M
                e = e with
                {
                    Type = EventType.LlmCall,
                    Model = mini ? "gpt-4o-mini" : "gpt-4o",
                    InputTokens = input,
                    CachedInputTokens = cached,
                    OutputTokens = output,
                    CostNanos = cost,
                    LatencyMs = 300 + random.Next(2_000),
                    Status = CallStatus.Ok,
                    Attempt = random.Next(20) == 0 ? 2 : 1,
                };
            }
            else
            {
                var tool = Tools[random.Next(Tools.Length)];
                e = e with
                {
                    Type = EventType.ToolCall,
                    Tool = tool,
                    Action = tool == "write_file" || tool == "post_comment" ? ToolAction.Write : ToolAction.Read,
                    Status = random.Next(25) == 0 ? CallStatus.Error : CallStatus.Ok,
                    LatencyMs = 5 + random.Next(200),
                    Attempt = random.Next(20) == 0 ? 2 : 1,
                    Violations = random.Next(100) == 0 ? Violation : null,
                };
            }

            run.Step++;
            yield return (e, arrival);
        }
    }

    private sealed class Run
    {
        public required string Id { get; init; }
        public required string Route { get; init; }
        public required string User { get; init; }
        public required int Steps { get; init; }
        public required bool Evaluated { get; init; }
        public int Step { get; set; }
    }
}
