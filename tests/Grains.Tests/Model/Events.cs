using AgentOps.Events;

namespace AgentOps.Grains.Tests.Model;

/// <summary>Builders of normalized events for model tests.</summary>
internal static class Events
{
    private static int _next;

    public static AgentEvent Started(string run, DateTimeOffset at, string agent = "a") => Base(EventType.RunStarted, run, at, agent);

    public static AgentEvent Llm(string run, DateTimeOffset at, double costUsd, long input = 100, long output = 10, long cached = 0, int attempt = 1, CallStatus status = CallStatus.Ok, string model = "gpt-4o", string agent = "a") =>
        Base(EventType.LlmCall, run, at, agent) with
        {
            Model = model,
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CostNanos = Money.ToNanos(costUsd),
            Attempt = attempt,
            Status = status,
        };

    public static AgentEvent Tool(string run, DateTimeOffset at, string tool = "read_file", int attempt = 1, CallStatus status = CallStatus.Ok, IReadOnlyList<string>? violations = null, string agent = "a") =>
        Base(EventType.ToolCall, run, at, agent) with { Tool = tool, Attempt = attempt, Status = status, Violations = violations };

    public static AgentEvent Eval(string run, DateTimeOffset at, double score, bool? passed = null, string agent = "a") =>
        Base(EventType.Eval, run, at, agent) with { Rubric = "helpfulness", Score = score, Passed = passed };

    public static AgentEvent Finished(string run, DateTimeOffset at, RunOutcome outcome = RunOutcome.Success, string agent = "a") =>
        Base(EventType.RunFinished, run, at, agent) with { Outcome = outcome };

    private static AgentEvent Base(EventType type, string run, DateTimeOffset at, string agent) => new()
    {
        Id = $"e{Interlocked.Increment(ref _next)}",
        Type = type,
        Timestamp = at,
        AgentId = agent,
        RunId = run,
    };
}
