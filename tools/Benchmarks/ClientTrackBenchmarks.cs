using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentOps.Client;
using AgentOps.Client.Events;
using AgentOps.Client.Runs;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// What the agent SDK costs on the agent's own thread per event: building a <c>tool_call</c> event and handing it to
/// <see cref="AgentOpsClient.Track"/> (UUIDv7 id, timestamp, default agent id and version, bounded-channel write,
/// counters), or to <see cref="RunScope.TrackToolCall"/> (which also stamps run, route and user). The baseline builds
/// the same event and does nothing with it; <see cref="NewEventIntoConcurrentQueue"/> is the cheapest hand-off to
/// another thread. The SDK's added cost per event is <c>Track - NewEvent</c> (goal: under 2 µs).
/// </summary>
/// <remarks>
/// <para>No network: the client sends through <see cref="NoNetworkHandler"/>, an in-memory <see cref="HttpMessageHandler"/>
/// passed as the client's <see cref="HttpClient"/> (the SDK's public constructor takes one), which answers 202 without
/// reading the body; the base address is <c>http://agentops.invalid/</c> (a reserved name that never resolves).</para>
/// <para><see cref="Sender"/> = <see cref="SenderMode.Parked"/>: the first request of an iteration waits in the handler
/// until the iteration ends, so the background sender does no work while the agent's thread is measured (the agent
/// thread's cost alone). <see cref="SenderMode.Draining"/>: the handler answers at once, so the sender serializes and
/// "sends" batches while the agent's thread tracks, both threads competing for the cores. A tight Track loop outruns
/// the sender (it delivers only a part of an iteration's events while the iteration runs; the global cleanup prints
/// how much), so Draining shows the interference of a sender that is busy the whole time, an upper bound. In Draining
/// the Allocated column also counts what the sender allocated during the iteration (BenchmarkDotNet counts the
/// allocations of every thread).</para>
/// <para>Bounded, never dropping: an iteration is exactly <see cref="InvocationsPerIteration"/> events, the queue
/// holds twice that, and every iteration's cleanup opens the handler, flushes the queue empty and fails the run if any
/// event was dropped, failed or rejected. A full queue would turn <see cref="AgentOpsClient.Track"/> into its cheap
/// drop path and make the figure meaningless, so it is an error here, not a silent drop.</para>
/// <para>Tracked events stay alive until they are sent, as in production; 65,536 events per iteration (~20 MB) keep
/// that to about one gen0 collection per iteration and no gen2 collection (a dry run with 262,144 showed one gen2
/// collection per iteration, charged to the events). <see cref="NewEventIntoConcurrentQueue"/> keeps its events alive
/// the same way, so <c>Track - NewEventIntoConcurrentQueue</c> is the SDK's own code and <c>Track - NewEvent</c> also
/// counts keeping the event until it is sent.</para>
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: GlobalCleanup disposes the client, the HttpClient and the handler.")]
public class ClientTrackBenchmarks
{
    /// <summary>Events tracked per iteration (fixed, so the queue can be sized to never fill; divisible by the unroll factor 16).</summary>
    public const int InvocationsPerIteration = 65_536;

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<AgentOpsEvent> _queue = new();
    private NoNetworkHandler _handler = null!;
    private HttpClient _http = null!;
    private AgentOpsClient _client = null!;
    private RunScope _run = null!;
    private long _requestsAtIterationStart;
    private long _enqueuedAtIterationStart;
    private long _deliveredAtIterationStart;
    private long _iterations;
    private long _trackedInIterations;
    private long _sentDuringIterations;

    /// <summary>How the no-network handler treats the background sender (see the class remarks).</summary>
    public enum SenderMode
    {
        /// <summary>The sender's first request of an iteration waits until the iteration is over: agent thread alone.</summary>
        Parked,

        /// <summary>The sender's requests are answered at once: it serializes batches while the agent tracks.</summary>
        Draining,
    }

    [Params(SenderMode.Parked, SenderMode.Draining)]
    public SenderMode Sender { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handler = new NoNetworkHandler(parked: Sender == SenderMode.Parked);
        _http = new HttpClient(_handler) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new AgentOpsClientOptions
        {
            BaseAddress = new Uri("http://agentops.invalid/"),
            ApiKey = "bench-ingest-key",
            AgentId = "pr-reviewer",
            AgentVersion = "2025.06.1",
            QueueCapacity = 2 * InvocationsPerIteration,
            RequestTimeout = TimeSpan.FromHours(1), // a parked request must not time out and be retried
        };
        _client = new AgentOpsClient(options, _http);
        _run = _client.StartRun(routeId: "code-review", userId: "user-0042");
        var batchSize = options.MaxBatchSize;

        // 1. Track stamps what it claims to, and the events reach the handler (and only the handler) intact.
        _handler.Inspect = true;
        var tracked = NewToolCall();
        Check(_client.Track(tracked) && tracked.Id is { Length: 36 } && tracked.Timestamp is not null && tracked.AgentId == "pr-reviewer"
            && tracked.AgentVersion == "2025.06.1", "Track did not queue and stamp the event");
        Check(_run.TrackToolCall("read_file", ToolAction.Read, "repo:acme/checkout/src/Pool.cs", CallStatus.Ok, latencyMs: 12.5), "RunScope.TrackToolCall did not queue");
        Drain();
        Check(_handler.InspectedEvents == 3 && _handler.InspectedIds.Contains(tracked.Id!), $"the handler saw {_handler.InspectedEvents} events, expected 3 (run_started and two tool calls)");
        _handler.Inspect = false;

        // 2. The sender behaves as the mode says once a batch is due.
        var requestsBefore = _handler.Requests;
        for (var i = 0; i < batchSize + 1; i++)
        {
            _client.Track(NewToolCall());
        }

        if (Sender == SenderMode.Parked)
        {
            Check(_handler.WaitForParkedRequest(TimeSpan.FromSeconds(30)), "the sender did not send a due batch");
            for (var i = 0; i < 3 * batchSize; i++)
            {
                _client.Track(NewToolCall());
            }

            Thread.Sleep(200);
            Check(_handler.Requests - requestsBefore == 1, "a second request started while the first was parked");
            Check(_client.Counters.Delivered < _client.Counters.Enqueued, "events were delivered while the sender was parked");
        }
        else
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (_client.Counters.Delivered < batchSize && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Check(_client.Counters.Delivered >= batchSize, "the sender did not send a full batch on its own");
        }

        Drain();
        StartIteration();
    }

    [IterationCleanup(Targets = [nameof(Track), nameof(RunScopeTrackToolCall)])]
    public void DrainClient()
    {
        var counters = _client.Counters;
        var requests = _handler.Requests - _requestsAtIterationStart;
        if (Sender == SenderMode.Parked && requests > 1)
        {
            throw new InvalidOperationException($"The parked sender made {requests} requests during one iteration; the agent thread was not measured alone.");
        }

        _iterations++;
        _trackedInIterations += counters.Enqueued - _enqueuedAtIterationStart;
        _sentDuringIterations += counters.Delivered - _deliveredAtIterationStart;
        Drain();
        StartIteration();
    }

    [IterationCleanup(Target = nameof(NewEventIntoConcurrentQueue))]
    public void ClearQueue() => _queue.Clear();

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_iterations > 0)
        {
            var c = _client.Counters;
            Console.WriteLine(
                $"// ClientTrack[{Sender}]: {_iterations} iterations, {_trackedInIterations:N0} events tracked, " +
                $"{(double)_sentDuringIterations / Math.Max(1, _trackedInIterations):P1} of them delivered while their iteration ran; " +
                $"total {c.Enqueued:N0} enqueued, {c.Delivered:N0} delivered, {c.Dropped} dropped, {c.Failed} failed, {_handler.Requests:N0} requests (no network).");
        }

        _handler.Open();
        _run.Finish(RunOutcome.Success);
        _client.Dispose();
        _http.Dispose();
    }

    /// <summary>Builds the event and drops it: the agent's own work, the floor.</summary>
    [Benchmark(Baseline = true)]
    public AgentOpsEvent NewEvent() => NewToolCall();

    /// <summary>Builds the event and hands it to another thread the cheapest way: a lock-free unbounded queue, no id, no time.</summary>
    [Benchmark]
    public int NewEventIntoConcurrentQueue()
    {
        _queue.Enqueue(NewToolCall());
        return _queue.Count;
    }

    /// <summary>Builds the event and tracks it: <see cref="AgentOpsClient.Track"/> gives it an id, a time and the default agent.</summary>
    [Benchmark]
    public bool Track() => _client.Track(NewToolCall());

    /// <summary>The run-scoped helper an agent calls after a tool call: builds, stamps agent, run, route, user, id and time, tracks.</summary>
    [Benchmark]
    public bool RunScopeTrackToolCall() =>
        _run.TrackToolCall("read_file", ToolAction.Read, "repo:acme/checkout/src/Pool.cs", CallStatus.Ok, latencyMs: 12.5);

    private static ToolCallEvent NewToolCall() => new("read_file")
    {
        RunId = "run-7f3a2c",
        RouteId = "code-review",
        UserId = "user-0042",
        Action = ToolAction.Read,
        Target = "repo:acme/checkout/src/Pool.cs",
        Status = CallStatus.Ok,
        LatencyMs = 12.5,
    };

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"ClientTrackBenchmarks setup: {what}.");
        }
    }

    /// <summary>Lets the sender deliver everything queued, then parks it again (Parked mode); fails on any lost event.</summary>
    private void Drain()
    {
        _handler.Open();
        using (var timeout = new CancellationTokenSource(DrainTimeout))
        {
            _client.FlushAsync(timeout.Token).GetAwaiter().GetResult();
        }

        _handler.Close();
        var c = _client.Counters;
        if (c.Dropped != 0 || c.Failed != 0 || c.Rejected != 0 || c.Pending != 0)
        {
            throw new InvalidOperationException(
                $"The SDK lost events: {c.Dropped} dropped (queue full), {c.Failed} failed, {c.Rejected} rejected, {c.Pending} pending after a flush.");
        }
    }

    private void StartIteration()
    {
        var c = _client.Counters;
        _requestsAtIterationStart = _handler.Requests;
        _enqueuedAtIterationStart = c.Enqueued;
        _deliveredAtIterationStart = c.Delivered;
    }

    /// <summary>
    /// An in-memory <c>POST /v1/events</c> that never touches a socket: answers 202 with an empty ingest result, without
    /// reading the body (the server's work is not the agent's). In parked mode a request waits until <see cref="Open"/>.
    /// </summary>
    private sealed class NoNetworkHandler(bool parked) : HttpMessageHandler
    {
        private static readonly byte[] AcceptedBody = """{"accepted":0,"duplicates":0}"""u8.ToArray();
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        private readonly SemaphoreSlim _parkedSignal = new(0);
        private volatile TaskCompletionSource _gate = NewGate(open: !parked);
        private long _requests;

        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>While true, the handler parses each body and records its event ids (set-up checks only).</summary>
        public bool Inspect { get; set; }

        public int InspectedEvents => InspectedIds.Count;

        public ConcurrentBag<string> InspectedIds { get; } = [];

        public void Open() => _gate.TrySetResult();

        public void Close()
        {
            if (parked)
            {
                _gate = NewGate(open: false);
            }
        }

        public bool WaitForParkedRequest(TimeSpan timeout) => _parkedSignal.Wait(timeout);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            var gate = _gate;
            if (!gate.Task.IsCompleted)
            {
                _parkedSignal.Release();
                await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Inspect && request.Content is { } content)
            {
                using var body = JsonDocument.Parse(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                foreach (var e in body.RootElement.GetProperty("events").EnumerateArray())
                {
                    InspectedIds.Add(e.GetProperty("id").GetString()!);
                }
            }

            var answer = new ByteArrayContent(AcceptedBody);
            answer.Headers.ContentType = Json;
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = answer, RequestMessage = request };
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parkedSignal.Dispose();
            }

            base.Dispose(disposing);
        }

        private static TaskCompletionSource NewGate(bool open)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (open)
            {
                gate.TrySetResult();
            }

            return gate;
        }
    }
}
