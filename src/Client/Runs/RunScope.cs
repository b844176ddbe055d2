using AgentOps.Client.Events;
using AgentOps.Client.Guard;

namespace AgentOps.Client.Runs;

/// <summary>
/// One run of an agent: stamps <see cref="AgentId"/>, <see cref="RunId"/>, <see cref="RouteId"/>, <see cref="UserId"/> and
/// <see cref="AgentVersion"/> on every event it tracks (the server computes route and user figures only from events
/// that carry them), and is the ambient run (<see cref="Current"/>) of the async flow that started it, so that the
/// <see cref="ChatClients.AgentOpsChatClient"/> middleware attributes model and tool calls to it.
/// </summary>
/// <remarks>
/// Create it with <see cref="AgentOpsClient.StartRun"/> in a <c>using</c> statement. <see cref="Current"/> flows into
/// awaited calls and tasks started inside the scope (it is an <see cref="AsyncLocal{T}"/>); it does not flow back out of
/// an async method that started the run. Disposing the scope restores the previous <see cref="Current"/> and, when
/// <see cref="Finish"/> was not called, tracks <c>run_finished</c> with <see cref="RunOutcome.Abandoned"/>.
/// </remarks>
public sealed class RunScope : IDisposable
{
    private static readonly AsyncLocal<RunScope?> Ambient = new();

    private readonly RunScope? _parent;
    private int _finished;
    private int _disposed;

    internal RunScope(AgentOpsClient client, string agentId, string runId, string? routeId, string? userId, string? agentVersion)
    {
        Check(agentId, nameof(agentId));
        Check(runId, nameof(runId));
        if (routeId is not null)
        {
            Check(routeId, nameof(routeId));
        }

        if (userId is not null)
        {
            Check(userId, nameof(userId));
        }

        Client = client;
        AgentId = agentId;
        RunId = runId;
        RouteId = routeId;
        UserId = userId;
        AgentVersion = agentVersion;
        _parent = Ambient.Value;
        Ambient.Value = this;
    }

    /// <summary>The run of the current async flow, or null outside any run.</summary>
    public static RunScope? Current => Ambient.Value;

    /// <summary>The client the run's events go to.</summary>
    public AgentOpsClient Client { get; }

    /// <summary>The agent.</summary>
    public string AgentId { get; }

    /// <summary>The run.</summary>
    public string RunId { get; }

    /// <summary>The feature or route the run serves.</summary>
    public string? RouteId { get; }

    /// <summary>The end user on whose behalf the agent acts.</summary>
    public string? UserId { get; }

    /// <summary>The prompt or agent release.</summary>
    public string? AgentVersion { get; }

    /// <summary>True once <c>run_finished</c> has been tracked.</summary>
    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    /// <summary>
    /// Fills the run's identity into <paramref name="agentEvent"/> where it is null (agent, run, route, user, agent
    /// version) and gives it an id and a timestamp, without tracking it.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="agentEvent">The event.</param>
    /// <returns>The same event.</returns>
    public TEvent Stamp<TEvent>(TEvent agentEvent)
        where TEvent : AgentOpsEvent
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        agentEvent.AgentId ??= AgentId;
        agentEvent.RunId ??= RunId;
        agentEvent.RouteId ??= RouteId;
        agentEvent.UserId ??= UserId;
        agentEvent.AgentVersion ??= AgentVersion;
        if (agentEvent.Timestamp is null || agentEvent.Id is null)
        {
            var now = Client.TimeProvider.GetUtcNow();
            agentEvent.Timestamp ??= now;
            agentEvent.Id ??= EventIds.New(now);
        }

        return agentEvent;
    }

    /// <summary>Stamps the event with the run's identity (<see cref="Stamp{TEvent}"/>) and tracks it; never blocks.</summary>
    /// <param name="agentEvent">The event.</param>
    /// <returns>False when the client dropped it (full queue).</returns>
    public bool Track(AgentOpsEvent agentEvent) => Client.Track(Stamp(agentEvent));

    /// <summary>Tracks an <c>llm_call</c> of this run.</summary>
    /// <param name="model">The model that answered.</param>
    /// <param name="inputTokens">Input tokens, cached ones included.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <param name="cachedInputTokens">Input tokens read from the cache.</param>
    /// <param name="latencyMs">How long the call took.</param>
    /// <param name="status">Ok or error.</param>
    /// <param name="errorType">What went wrong.</param>
    /// <param name="attempt">1 for a first try, above 1 for a retry.</param>
    /// <param name="costUsd">The cost, when you know it better than the server's price table.</param>
    /// <returns>False when the client dropped it.</returns>
    public bool TrackLlmCall(
        string model,
        long? inputTokens = null,
        long? outputTokens = null,
        long? cachedInputTokens = null,
        double? latencyMs = null,
        CallStatus? status = null,
        string? errorType = null,
        int? attempt = null,
        double? costUsd = null) =>
        Track(new LlmCallEvent(model)
        {
            InputTokens = inputTokens,
            OutputTokens = outputTokens,
            CachedInputTokens = cachedInputTokens,
            LatencyMs = latencyMs,
            Status = status,
            ErrorType = errorType,
            Attempt = attempt,
            CostUsd = costUsd,
        });

    /// <summary>Tracks a <c>tool_call</c> of this run.</summary>
    /// <param name="tool">The tool.</param>
    /// <param name="action">What it did.</param>
    /// <param name="target">The resource it touched.</param>
    /// <param name="status">Ok, error or denied.</param>
    /// <param name="approved">True when a person or approver granted it.</param>
    /// <param name="latencyMs">How long it took.</param>
    /// <param name="attempt">1 for a first try, above 1 for a retry.</param>
    /// <returns>False when the client dropped it.</returns>
    public bool TrackToolCall(
        string tool,
        ToolAction? action = null,
        string? target = null,
        CallStatus? status = null,
        bool? approved = null,
        double? latencyMs = null,
        int? attempt = null) =>
        Track(new ToolCallEvent(tool)
        {
            Action = action,
            Target = target,
            Status = status,
            Approved = approved,
            LatencyMs = latencyMs,
            Attempt = attempt,
        });

    /// <summary>Tracks an <c>eval</c> of this run.</summary>
    /// <param name="rubric">What was judged.</param>
    /// <param name="score">The score, 0 to 1.</param>
    /// <param name="passed">Whether the run passed.</param>
    /// <param name="evaluator">Who or what judged.</param>
    /// <returns>False when the client dropped it.</returns>
    public bool TrackEval(string rubric, double score, bool? passed = null, string? evaluator = null) =>
        Track(new EvalEvent(rubric, score) { Passed = passed, Evaluator = evaluator });

    /// <summary>Asks the guard whether a step of this run may go ahead (see <see cref="AgentOpsClient.GuardAsync"/>).</summary>
    /// <param name="tool">The tool about to be called.</param>
    /// <param name="action">What it would do.</param>
    /// <param name="target">The resource it would touch.</param>
    /// <param name="estimatedCostUsd">What the step is expected to cost.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The decision, from the server or from the failure mode.</returns>
    public Task<GuardDecision> GuardAsync(
        string? tool = null,
        ToolAction? action = null,
        string? target = null,
        double? estimatedCostUsd = null,
        CancellationToken cancellationToken = default) =>
        Client.GuardAsync(
            new GuardRequest(AgentId, RunId) { Tool = tool, Action = action, Target = target, EstimatedCostUsd = estimatedCostUsd },
            cancellationToken);

    /// <summary>Tracks <c>run_finished</c> with <paramref name="outcome"/>; only the first call of a run counts.</summary>
    /// <param name="outcome">How the run ended.</param>
    /// <param name="attributes">Attributes of the <c>run_finished</c> event.</param>
    /// <returns>True when this call finished the run.</returns>
    public bool Finish(RunOutcome outcome, IReadOnlyDictionary<string, string>? attributes = null)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return false;
        }

        Track(new RunFinishedEvent(outcome) { Attributes = attributes });
        return true;
    }

    /// <summary>Finishes the run as <see cref="RunOutcome.Abandoned"/> unless <see cref="Finish"/> was called, and restores the previous <see cref="Current"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Finish(RunOutcome.Abandoned);
        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = _parent;
        }
    }

    private static void Check(string id, string name)
    {
        if (!EventIds.IsValidEntityId(id))
        {
            throw new ArgumentException($"{name} '{id}' is not a valid id: 1-128 characters of A-Z a-z 0-9 . _ : @ + -.", name);
        }
    }
}
