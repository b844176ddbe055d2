namespace AgentOps.Simulator;

/// <summary>Writes one run's events in order: start, model and tool calls, evals, finish, each a little after the last.</summary>
public sealed class RunBuilder(string agentId, string runId, DateTimeOffset start, string? routeId, string? userId, string? agentVersion, Random random)
{
    private readonly List<WireEvent> _events = [];
    private DateTimeOffset _at = start;
    private int _sequence;

    public IReadOnlyList<WireEvent> Events => _events;

    public DateTimeOffset Now => _at;

    public RunBuilder Started(string? input = null) =>
        Add("run_started", e => e with { Input = input });

    public RunBuilder Llm(string model, long input, long output, long cached = 0, double? costUsd = null, long? latencyMs = null,
        int attempt = 1, string status = "ok", string? errorType = null, string? prompt = null, string? answer = null) =>
        Add("llm_call", e => e with
        {
            Model = model,
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CostUsd = costUsd,
            LatencyMs = latencyMs ?? random.Next(400, 4000),
            Attempt = attempt,
            Status = status,
            ErrorType = errorType,
            Input = prompt,
            Output = answer,
        }, TimeSpan.FromMilliseconds(random.Next(500, 4000)));

    public RunBuilder Tool(string tool, string action = "read", string? target = null, string status = "ok", int attempt = 1,
        bool? approved = null, string? errorType = null, string? input = null, string? output = null) =>
        Add("tool_call", e => e with
        {
            Tool = tool,
            Action = action,
            Target = target,
            Status = status,
            Attempt = attempt,
            Approved = approved,
            ErrorType = errorType,
            LatencyMs = random.Next(20, 900),
            Input = input,
            Output = output,
        }, TimeSpan.FromMilliseconds(random.Next(100, 1500)));

    public RunBuilder Eval(string rubric, double score, string evaluator = "llm-judge") =>
        Add("eval", e => e with { Rubric = rubric, Score = Math.Clamp(score, 0, 1), Passed = score >= 0.7, Evaluator = evaluator });

    public RunBuilder Finished(string outcome = "success") => Add("run_finished", e => e with { Outcome = outcome });

    private RunBuilder Add(string type, Func<WireEvent, WireEvent> fill, TimeSpan? after = null)
    {
        _at += after ?? TimeSpan.FromMilliseconds(random.Next(50, 400));
        _events.Add(fill(new WireEvent
        {
            Id = $"{runId}-{_sequence++}",
            Type = type,
            Timestamp = WireEvent.Time(_at),
            AgentId = agentId,
            RunId = runId,
            RouteId = routeId,
            UserId = userId,
            AgentVersion = agentVersion,
        }));
        return this;
    }
}
