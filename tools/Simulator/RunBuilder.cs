using AgentOps.Client.Events;

namespace AgentOps.Simulator;

/// <summary>
/// Writes one run's events in order (start, model and tool calls, evals, finish), each a little after the last, as the
/// Client SDK's typed events, so the simulator sends exactly what an SDK-instrumented agent would.
/// </summary>
public sealed class RunBuilder(string agentId, string runId, DateTimeOffset start, string? routeId, string? userId, string? agentVersion, Random random)
{
    private readonly List<AgentOpsEvent> _events = [];
    private DateTimeOffset _at = start;
    private int _sequence;

    public IReadOnlyList<AgentOpsEvent> Events => _events;

    public RunBuilder Started(string? input = null) => Add(new RunStartedEvent { Input = input });

    public RunBuilder Llm(string model, long input, long output, long cached = 0, double? costUsd = null, int attempt = 1,
        CallStatus status = CallStatus.Ok, string? errorType = null, string? prompt = null, string? answer = null)
    {
        var after = TimeSpan.FromMilliseconds(random.Next(500, 4000)); // drawn first: a seed plays the same stories as before
        return Add(new LlmCallEvent(model)
        {
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CostUsd = costUsd,
            LatencyMs = random.Next(400, 4000),
            Attempt = attempt,
            Status = status,
            ErrorType = errorType,
            Input = prompt,
            Output = answer,
        }, after);
    }

    /// <summary>A tool call; API.md has no error type for tool calls, so one is sent as the <c>error.type</c> attribute.</summary>
    public RunBuilder Tool(string tool, ToolAction action = ToolAction.Read, string? target = null, CallStatus status = CallStatus.Ok,
        int attempt = 1, bool? approved = null, string? errorType = null, string? input = null, string? output = null)
    {
        var after = TimeSpan.FromMilliseconds(random.Next(100, 1500));
        return Add(new ToolCallEvent(tool)
        {
            Action = action,
            Target = target,
            Status = status,
            Attempt = attempt,
            Approved = approved,
            LatencyMs = random.Next(20, 900),
            Input = input,
            Output = output,
            Attributes = errorType is null ? null : new Dictionary<string, string> { ["error.type"] = errorType },
        }, after);
    }

    public RunBuilder Eval(string rubric, double score, string evaluator = "llm-judge")
    {
        var clamped = Math.Clamp(score, 0, 1);
        return Add(new EvalEvent(rubric, clamped) { Passed = clamped >= 0.7, Evaluator = evaluator });
    }

    public RunBuilder Finished(RunOutcome outcome = RunOutcome.Success) => Add(new RunFinishedEvent(outcome));

    private RunBuilder Add(AgentOpsEvent e, TimeSpan? after = null)
    {
        _at += after ?? TimeSpan.FromMilliseconds(random.Next(50, 400));
        e.Id = $"{runId}-{_sequence++}";
        e.Timestamp = _at;
        e.AgentId = agentId;
        e.RunId = runId;
        e.RouteId = routeId;
        e.UserId = userId;
        e.AgentVersion = agentVersion;
        _events.Add(e);
        return this;
    }
}
