using System.Globalization;
using System.Text.Json;
using AgentOps.Client.Events;
using AgentOps.Client.Guard;
using AgentOps.Client.Http;
using AgentOps.Client.Runs;
using AgentOps.Client.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentOps.Client;

/// <summary>
/// The AgentOps SDK's entry point: records agent events without blocking the agent (<see cref="Track"/>), sends them
/// in the background in batches with retries, answers guard checks (<see cref="GuardAsync"/>) and starts runs
/// (<see cref="StartRun"/>). Create one per process (it is thread-safe) and dispose it on shutdown to send what is queued.
/// </summary>
public sealed class AgentOpsClient : IAsyncDisposable, IDisposable
{
    private readonly EventSender _sender;
    private readonly Func<AgentOpsApiClient> _api;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ILogger _logger;
    private readonly LogThrottle _guardLog;
    private readonly string? _defaultAgentId;
    private readonly string? _defaultAgentVersion;
    private readonly TimeSpan _guardTimeout;
    private readonly GuardFailureMode _guardFailureMode;

    /// <summary>Creates a client and starts its background sender.</summary>
    /// <param name="options">The settings (copied: later changes have no effect). <see cref="AgentOpsClientOptions.BaseAddress"/> is required unless <paramref name="httpClient"/> has a base address.</param>
    /// <param name="httpClient">The HTTP client to send with (not disposed by this client); null: the client creates and owns one.</param>
    /// <param name="timeProvider">The clock for timestamps, batching windows, retry delays and timeouts (default: the system clock).</param>
    /// <param name="loggerFactory">Where the client logs (default: nowhere).</param>
    /// <exception cref="ArgumentException">The options are not usable (see <see cref="AgentOpsClientOptions.Validate"/>).</exception>
    public AgentOpsClient(AgentOpsClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(options, httpClient ?? CreateOwnedHttpClient(), httpClient is null, timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance)
    {
    }

    /// <summary>Creates a client over a factory of API clients (used by the dependency injection registration).</summary>
    internal AgentOpsClient(AgentOpsClientOptions options, Func<AgentOpsApiClient> api, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var settings = Validated(options);
        TimeProvider = timeProvider;
        _api = api;
        _logger = loggerFactory.CreateLogger<AgentOpsClient>();
        _guardLog = new LogThrottle(timeProvider, settings.DropLogInterval);
        _defaultAgentId = settings.AgentId;
        _defaultAgentVersion = settings.AgentVersion;
        _guardTimeout = settings.GuardTimeout;
        _guardFailureMode = settings.GuardFailureMode;
        _sender = new EventSender(settings, api, timeProvider, _logger);
    }

    private AgentOpsClient(AgentOpsClientOptions options, HttpClient httpClient, bool ownsHttpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(options, SingleApi(options, httpClient, timeProvider), timeProvider, loggerFactory)
    {
        if (ownsHttpClient)
        {
            _ownedHttpClient = httpClient;
        }
    }

    /// <summary>The clock the client stamps events with.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The agent id stamped on events that name none (<see cref="AgentOpsClientOptions.AgentId"/>).</summary>
    public string? DefaultAgentId => _defaultAgentId;

    /// <summary>The client's logger (the middleware logs through it).</summary>
    internal ILogger Logger => _logger;

    /// <summary>What happened to the events tracked so far.</summary>
    public AgentOpsClientCounters Counters => _sender.Counters;

    /// <summary>
    /// Queues an event for sending and returns at once: it never waits for the network and never throws on a full queue.
    /// A null <see cref="AgentOpsEvent.Id"/> gets a UUIDv7, a null <see cref="AgentOpsEvent.Timestamp"/> the current time,
    /// a null agent id or version the configured defaults.
    /// </summary>
    /// <param name="agentEvent">The event; it belongs to the client from now on.</param>
    /// <returns>True when queued; false when dropped because the queue is full or the client is disposed (counted in <see cref="AgentOpsClientCounters.Dropped"/>).</returns>
    public bool Track(AgentOpsEvent agentEvent)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        if (agentEvent.Timestamp is null || agentEvent.Id is null)
        {
            var now = TimeProvider.GetUtcNow();
            agentEvent.Timestamp ??= now;
            agentEvent.Id ??= EventIds.New(now);
        }

        agentEvent.AgentId ??= _defaultAgentId;
        agentEvent.AgentVersion ??= _defaultAgentVersion;
        return _sender.TryEnqueue(agentEvent);
    }

    /// <summary>
    /// Sends what is queued without waiting for the batch window, and completes when every event tracked before this
    /// call has been delivered, rejected or given up (see <see cref="Counters"/>). While the server is unreachable it keeps
    /// retrying: bound the wait with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the events stay queued and are still sent).</param>
    /// <returns>A task that completes when the events are settled.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _sender.FlushAsync(cancellationToken);

    /// <summary>
    /// Asks the server whether a step may go ahead (<c>POST /v1/guard</c>) within the guard timeout. When the server
    /// cannot answer in time (timeout, network or HTTP error, unreadable answer) the failure mode decides, and the
    /// decision says so (<see cref="GuardDecision.Source"/>, <see cref="GuardDecision.Failure"/>, <see cref="GuardDecision.Reasons"/>).
    /// </summary>
    /// <param name="request">The proposed step, with optional per-call timeout and failure mode.</param>
    /// <param name="cancellationToken">Cancels the check (then it throws <see cref="OperationCanceledException"/>, it does not decide).</param>
    /// <returns>The decision; never throws for server trouble.</returns>
    public async Task<GuardDecision> GuardAsync(GuardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = request.Timeout ?? _guardTimeout;
        var mode = request.FailureMode ?? _guardFailureMode;
        using var timeoutSource = new CancellationTokenSource(timeout, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await _api().GuardAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var (failure, description) = ex switch
            {
                _ when timeoutSource.IsCancellationRequested || ex is OperationCanceledException or TimeoutException =>
                    (GuardFailure.Timeout, string.Create(CultureInfo.InvariantCulture, $"guard timed out after {timeout.TotalMilliseconds:0} ms")),
                HttpRequestException { StatusCode: { } status } => (GuardFailure.HttpError, $"guard answered HTTP {(int)status}"),
                JsonException or NotSupportedException => (GuardFailure.InvalidResponse, "guard answer unreadable"),
                _ => (GuardFailure.NetworkError, $"guard unreachable: {ex.Message}"),
            };
            var allow = mode == GuardFailureMode.FailOpen;
            var reason = $"{description}; {(allow ? "failing open (allowed)" : "failing closed (denied)")}";
            var statusCode = (ex as HttpRequestException)?.StatusCode;
            if (_guardLog.ShouldLog(out var suppressed))
            {
                Log.GuardFailed(_logger, failure, statusCode is { } s ? $" {(int)s}" : "", reason, suppressed);
            }

            return new GuardDecision(allow, [reason], null, null, GuardDecisionSource.FailureMode, failure, failure == GuardFailure.HttpError ? statusCode : null);
        }
    }

    /// <summary>
    /// Starts a run: tracks <c>run_started</c> and returns a <see cref="RunScope"/> that stamps agent, run, route, user
    /// and agent version on every event of the run and becomes <see cref="RunScope.Current"/> for this async flow
    /// (the <see cref="ChatClients.AgentOpsChatClient"/> middleware reads it). Dispose it to finish the run.
    /// </summary>
    /// <param name="runId">The run id (default: a new UUIDv7).</param>
    /// <param name="agentId">The agent (default: <see cref="AgentOpsClientOptions.AgentId"/>).</param>
    /// <param name="routeId">The feature or route the run serves.</param>
    /// <param name="userId">The end user on whose behalf the agent acts.</param>
    /// <param name="agentVersion">The prompt or agent release (default: <see cref="AgentOpsClientOptions.AgentVersion"/>).</param>
    /// <param name="input">The run's input text, for the trajectory.</param>
    /// <param name="attributes">Attributes of the <c>run_started</c> event.</param>
    /// <returns>The run's scope.</returns>
    /// <exception cref="ArgumentException">No agent id is known, or an id breaks API.md's id rule (1-128 characters of <c>A-Z a-z 0-9 . _ : @ + -</c>).</exception>
    public RunScope StartRun(
        string? runId = null,
        string? agentId = null,
        string? routeId = null,
        string? userId = null,
        string? agentVersion = null,
        string? input = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        var scope = new RunScope(
            this,
            agentId ?? _defaultAgentId ?? throw new ArgumentException("No agentId: pass one or set AgentOpsClientOptions.AgentId.", nameof(agentId)),
            runId ?? EventIds.New(TimeProvider.GetUtcNow()),
            routeId,
            userId,
            agentVersion ?? _defaultAgentVersion);
        scope.Track(new RunStartedEvent { Input = input, Attributes = attributes });
        return scope;
    }

    /// <summary>Stops taking events, sends what is queued (up to <see cref="AgentOpsClientOptions.ShutdownTimeout"/>) and releases the client.</summary>
    /// <returns>A task that completes when the sender has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync().ConfigureAwait(false);
        _ownedHttpClient?.Dispose();
    }

    /// <summary>Like <see cref="DisposeAsync"/>, blocking the calling thread until the sender has stopped.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static HttpClient CreateOwnedHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    private static Func<AgentOpsApiClient> SingleApi(AgentOpsClientOptions options, HttpClient httpClient, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is null && httpClient.BaseAddress is null)
        {
            throw new ArgumentException("Set AgentOpsClientOptions.BaseAddress (or pass an HttpClient with a BaseAddress).", nameof(options));
        }

        var api = new AgentOpsApiClient(httpClient, options, timeProvider);
        return () => api;
    }

    private static AgentOpsClientOptions Validated(AgentOpsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0
            ? options.Clone()
            : throw new ArgumentException("Invalid AgentOps client options: " + string.Join(" ", problems), nameof(options));
    }
}
