namespace AgentOps.Events;

/// <summary>
/// One validated, normalized event of an agent run: what crosses the stream into the grains.
/// Money is in nano-dollars (1e-9 USD) so that sums and corrections are exact integers.
/// Fields that do not apply to <see cref="Type"/> keep their defaults.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.event")]
public sealed record AgentEvent
{
    /// <summary>Idempotency key, unique per project.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>The kind of event.</summary>
    [Id(1)] public required EventType Type { get; init; }
    /// <summary>Event time (the time received when the sender gave none).</summary>
    [Id(2)] public required DateTimeOffset Timestamp { get; init; }
    /// <summary>The agent that ran.</summary>
    [Id(3)] public required string AgentId { get; init; }
    /// <summary>The run the event belongs to.</summary>
    [Id(4)] public required string RunId { get; init; }
    /// <summary>The route (feature) the run serves, if any.</summary>
    [Id(5)] public string? RouteId { get; init; }
    /// <summary>The end user on whose behalf the agent acts, if any.</summary>
    [Id(6)] public string? UserId { get; init; }
    /// <summary>The agent or prompt release.</summary>
    [Id(7)] public string? AgentVersion { get; init; }
    /// <summary>Free-form attributes (at most 32).</summary>
    [Id(8)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Model of an <c>llm_call</c>.</summary>
    [Id(9)] public string? Model { get; init; }
    /// <summary>Input tokens, cached ones included.</summary>
    [Id(10)] public long InputTokens { get; init; }
    /// <summary>Output tokens.</summary>
    [Id(11)] public long OutputTokens { get; init; }
    /// <summary>Input tokens served from the provider's cache (a part of <see cref="InputTokens"/>).</summary>
    [Id(12)] public long CachedInputTokens { get; init; }
    /// <summary>Cost in nano-dollars: the sender's own figure, else priced from the model table.</summary>
    [Id(13)] public long CostNanos { get; init; }
    /// <summary>True when an <c>llm_call</c> named a model the price table does not know and gave no cost.</summary>
    [Id(14)] public bool Unpriced { get; init; }
    /// <summary>Call latency in milliseconds.</summary>
    [Id(15)] public long? LatencyMs { get; init; }
    /// <summary>How the call ended.</summary>
    [Id(16)] public CallStatus Status { get; init; }
    /// <summary>The error class of a failed call.</summary>
    [Id(17)] public string? ErrorType { get; init; }
    /// <summary>Attempt number; above 1 means a retry.</summary>
    [Id(18)] public int Attempt { get; init; } = 1;
    /// <summary>Step input (trajectory only).</summary>
    [Id(19)] public string? Input { get; init; }
    /// <summary>Step output (trajectory only).</summary>
    [Id(20)] public string? Output { get; init; }

    /// <summary>Tool of a <c>tool_call</c>.</summary>
    [Id(21)] public string? Tool { get; init; }
    /// <summary>What the tool call does.</summary>
    [Id(22)] public ToolAction Action { get; init; }
    /// <summary>The resource the tool call touches, e.g. <c>db:production.orders</c>.</summary>
    [Id(23)] public string? Target { get; init; }
    /// <summary>True when a person or approver granted this call.</summary>
    [Id(24)] public bool? Approved { get; init; }

    /// <summary>Rubric of an <c>eval</c>.</summary>
    [Id(25)] public string? Rubric { get; init; }
    /// <summary>Eval score in 0..1.</summary>
    [Id(26)] public double Score { get; init; }
    /// <summary>Whether the eval passed, when the evaluator says.</summary>
    [Id(27)] public bool? Passed { get; init; }
    /// <summary>Who evaluated.</summary>
    [Id(28)] public string? Evaluator { get; init; }

    /// <summary>Outcome of a <c>run_finished</c>.</summary>
    [Id(29)] public RunOutcome Outcome { get; init; }

    /// <summary>Why this tool call broke the agent's autonomy policy; null when it did not.</summary>
    [Id(30)] public IReadOnlyList<string>? Violations { get; init; }

    /// <summary>True for an <c>llm_call</c> or <c>tool_call</c>.</summary>
    public bool IsCall => Type is EventType.LlmCall or EventType.ToolCall;

    /// <summary>True when the call is a retry (attempt above 1).</summary>
    public bool IsRetry => IsCall && Attempt > 1;

    /// <summary>True when the call failed (status error; a denied tool call is a violation, not an error).</summary>
    public bool IsError => IsCall && Status == CallStatus.Error;

    /// <summary>True when the autonomy policy judged this tool call a violation.</summary>
    public bool IsViolation => Violations is { Count: > 0 };
}
