using AgentOps.Client.Guard;
using AgentOps.Client.Http;

namespace AgentOps.Client;

/// <summary>Settings of an <see cref="AgentOpsClient"/>: where the server is, how events are batched and retried, and how the guard behaves.</summary>
public sealed class AgentOpsClientOptions
{
    /// <summary>The silo's address, for example <c>http://127.0.0.1:5000</c> (required unless the <see cref="HttpClient"/> you pass has its own base address).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The key sent as <c>Authorization: Bearer &lt;key&gt;</c>; it needs the <c>ingest</c> (or <c>admin</c>) role.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The agent id stamped on events and runs that do not name one.</summary>
    public string? AgentId { get; set; }

    /// <summary>The agent version stamped on events that do not name one.</summary>
    public string? AgentVersion { get; set; }

    /// <summary>The most events per request: a batch is sent as soon as this many are queued. Default 500, at most 5,000.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>The longest a queued event waits for its batch to fill before the batch is sent anyway. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most events waiting to be sent. When the queue is full, <see cref="AgentOpsClient.Track"/> drops the event,
    /// counts it in <see cref="AgentOpsClientCounters.Dropped"/> and logs (at most once per <see cref="DropLogInterval"/>).
    /// Default 100,000; at least <see cref="MaxBatchSize"/>.
    /// </summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>How long one request may take before it is abandoned and retried. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay; each further retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between retries when the server sends no <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured; a longer one is shortened to this. Default 5 min. A <c>Retry-After</c> of
    /// zero, a date already past, or this set to zero means the usual backoff instead, never an immediate retry.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many times one batch is tried before it is given up and counted in <see cref="AgentOpsClientCounters.Failed"/>.
    /// 0 (the default): retry until the server accepts it or the client is disposed, so nothing is lost while the server is down.
    /// </summary>
    public int MaxAttempts { get; set; }

    /// <summary>How long <see cref="AgentOpsClient.DisposeAsync"/> keeps sending what is queued before it gives up. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The least time between two log entries about dropped events or guard failures. Default 10 s.</summary>
    public TimeSpan DropLogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a guard check waits for the server before <see cref="GuardFailureMode"/> decides. Default 250 ms.</summary>
    public TimeSpan GuardTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>What a guard check decides when the server cannot: <see cref="GuardFailureMode.FailOpen"/> (the default) or <see cref="GuardFailureMode.FailClosed"/>.</summary>
    public GuardFailureMode GuardFailureMode { get; set; } = GuardFailureMode.FailOpen;

    /// <summary>
    /// The longest any of the durations may be. Timers and delays stop at about 49 days, and a day already means "never"
    /// for an agent waiting on a flush, a request or a guard answer.
    /// </summary>
    public static readonly TimeSpan LongestDuration = TimeSpan.FromDays(1);

    /// <summary>Lists what is wrong with these settings (empty when they are usable).</summary>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            problems.Add("BaseAddress must be an absolute URI such as http://127.0.0.1:5000.");
        }

        if (MaxBatchSize is < 1 or > AgentOpsApiClient.MaxEventsPerRequest)
        {
            problems.Add($"MaxBatchSize must be 1 to {AgentOpsApiClient.MaxEventsPerRequest} (got {MaxBatchSize}).");
        }

        if (QueueCapacity < MaxBatchSize)
        {
            problems.Add($"QueueCapacity ({QueueCapacity}) must be at least MaxBatchSize ({MaxBatchSize}).");
        }

        if (MaxAttempts < 0)
        {
            problems.Add("MaxAttempts must be 0 (unlimited) or more.");
        }

        Positive(FlushInterval, nameof(FlushInterval));
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(ShutdownTimeout, nameof(ShutdownTimeout));
        Positive(GuardTimeout, nameof(GuardTimeout));
        if (MaxRetryDelay < RetryBaseDelay || MaxRetryDelay > LongestDuration)
        {
            problems.Add($"MaxRetryDelay must be at least RetryBaseDelay and at most {LongestDuration} (got {MaxRetryDelay}).");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > LongestDuration || DropLogInterval < TimeSpan.Zero || DropLogInterval > LongestDuration)
        {
            problems.Add($"MaxRetryAfter and DropLogInterval must be 0 to {LongestDuration}.");
        }

        if (!Enum.IsDefined(GuardFailureMode))
        {
            problems.Add($"GuardFailureMode {GuardFailureMode} is not FailOpen or FailClosed.");
        }

        return problems;

        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero || value > LongestDuration)
            {
                problems.Add($"{name} must be positive and at most {LongestDuration} (got {value}).");
            }
        }
    }

    /// <summary>A copy of these settings, so that later changes to this instance do not reach a running client.</summary>
    internal AgentOpsClientOptions Clone() => (AgentOpsClientOptions)MemberwiseClone();
}
