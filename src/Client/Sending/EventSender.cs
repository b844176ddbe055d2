using System.Net;
using System.Threading.Channels;
using AgentOps.Client.Events;
using AgentOps.Client.Http;
using Microsoft.Extensions.Logging;

namespace AgentOps.Client.Sending;

/// <summary>
/// The background half of <see cref="AgentOpsClient"/>: a bounded queue that the agent's threads write to without
/// waiting, and one loop that drains it in batches and delivers each batch until the server gives a final answer.
/// </summary>
/// <remarks>
/// <para>Batching: a batch leaves as soon as <see cref="AgentOpsClientOptions.MaxBatchSize"/> events are queued,
/// <see cref="AgentOpsClientOptions.FlushInterval"/> after the first of them was seen, on a flush, or on disposal.</para>
/// <para>Delivery: a 2xx settles a batch (per-item rejects of a 207 are counted, not retried); 429, 408, 5xx, timeouts and
/// network errors are retried with exponential backoff and jitter, or after <c>Retry-After</c>; 413 (or a body over 5 MiB)
/// splits the batch in halves; any other status gives the batch up. Batches are sent one at a time, in queue order, so
/// "processed" grows in queue order, which is what <see cref="FlushAsync"/> relies on.</para>
/// </remarks>
internal sealed class EventSender : IAsyncDisposable
{
    private readonly Channel<AgentOpsEvent> _queue;
    private readonly Func<AgentOpsApiClient> _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LogThrottle _dropLog;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _maxBatchSize;
    private readonly int _capacity;
    private readonly TimeSpan _flushInterval;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _retryBaseDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TimeSpan _shutdownTimeout;
    private readonly int _maxAttempts;
    private readonly Task _loop;

    private long _enqueued;
    private long _dequeued;
    private long _processed;
    private long _delivered;
    private long _duplicates;
    private long _rejected;
    private long _failed;
    private long _dropped;
    private long _retries;
    private long _flushTarget;
    private volatile bool _stopping;
    private int _disposed;
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _progress = NewSignal();

    public EventSender(AgentOpsClientOptions options, Func<AgentOpsApiClient> api, TimeProvider time, ILogger logger)
    {
        _api = api;
        _time = time;
        _logger = logger;
        _maxBatchSize = options.MaxBatchSize;
        _capacity = options.QueueCapacity;
        _flushInterval = options.FlushInterval;
        _requestTimeout = options.RequestTimeout;
        _retryBaseDelay = options.RetryBaseDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _maxRetryAfter = options.MaxRetryAfter;
        _shutdownTimeout = options.ShutdownTimeout;
        _maxAttempts = options.MaxAttempts;
        _dropLog = new LogThrottle(time, options.DropLogInterval);
        _queue = Channel.CreateBounded<AgentOpsEvent>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue answers false at once, never waits
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false, // the loop never runs on the agent's thread
        });
        _loop = Task.Run(RunAsync);
    }

    public AgentOpsClientCounters Counters => new(
        Volatile.Read(ref _enqueued),
        Volatile.Read(ref _delivered),
        Volatile.Read(ref _duplicates),
        Volatile.Read(ref _rejected),
        Volatile.Read(ref _failed),
        Volatile.Read(ref _dropped),
        Volatile.Read(ref _retries));

    private long Queued => Volatile.Read(ref _enqueued) - Volatile.Read(ref _dequeued);

    private bool FlushPending => Volatile.Read(ref _processed) < Volatile.Read(ref _flushTarget);

    /// <summary>Queues an event without waiting; false (and counted as dropped) when the queue is full or closed.</summary>
    public bool TryEnqueue(AgentOpsEvent e)
    {
        if (_queue.Writer.TryWrite(e))
        {
            var enqueued = Interlocked.Increment(ref _enqueued);
            if (enqueued - Volatile.Read(ref _dequeued) >= _maxBatchSize)
            {
                Wake();
            }

            return true;
        }

        var total = Interlocked.Increment(ref _dropped);
        if (_dropLog.ShouldLog(out var suppressed))
        {
            Log.Dropped(_logger, _capacity, suppressed + 1, total);
        }

        return false;
    }

    /// <summary>Sends what is queued now and completes when all events queued before the call are delivered, rejected or given up.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Volatile.Read(ref _enqueued);
        var current = Volatile.Read(ref _flushTarget);
        while (current < target)
        {
            var seen = Interlocked.CompareExchange(ref _flushTarget, target, current);
            if (seen == current)
            {
                break;
            }

            current = seen;
        }

        Wake();
        while (true)
        {
            var progress = Volatile.Read(ref _progress);
            if (Volatile.Read(ref _processed) >= target || _loop.IsCompleted)
            {
                return;
            }

            await progress.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the queue, sends what is in it (up to the shutdown timeout), then abandons the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _loop.ConfigureAwait(false);
            return;
        }

        _stopping = true;
        _queue.Writer.TryComplete();
        Wake();
        try
        {
            await _loop.WaitAsync(_shutdownTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.ShutdownTimedOut(_logger, Counters.Pending, _shutdownTimeout);
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private void SignalProgress() => Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();

    private bool SendNow() => Queued >= _maxBatchSize || _stopping || FlushPending;

    private async Task RunAsync()
    {
        var buffer = new AgentOpsEvent[_maxBatchSize];
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                await WaitForBatchAsync().ConfigureAwait(false);
                while (true)
                {
                    var count = 0;
                    while (count < buffer.Length && _queue.Reader.TryRead(out var e))
                    {
                        buffer[count++] = e;
                    }

                    Interlocked.Add(ref _dequeued, count);
                    if (count == 0)
                    {
                        break;
                    }

                    await DeliverAsync(new ArraySegment<AgentOpsEvent>(buffer, 0, count)).ConfigureAwait(false);
                    Array.Clear(buffer, 0, count);
                    if (!(Queued >= _maxBatchSize || (Queued > 0 && (FlushPending || _stopping))))
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.SenderCrashed(_logger, ex);
        }
        finally
        {
            // Whatever was not settled now never will be: count it as failed so that the counters add up.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out _))
            {
            }

            var abandoned = Volatile.Read(ref _enqueued) - Volatile.Read(ref _processed);
            if (abandoned > 0)
            {
                Interlocked.Add(ref _failed, abandoned);
                Interlocked.Add(ref _processed, abandoned);
                Log.GaveUp(_logger, (int)Math.Min(abandoned, int.MaxValue), "the client stopped before they were delivered");
            }

            SignalProgress();
        }
    }

    /// <summary>Waits until a batch is due: full, its time window over, a flush requested, or the client stopping.</summary>
    private async Task WaitForBatchAsync()
    {
        var deadline = _time.GetUtcNow() + _flushInterval;
        while (!SendNow())
        {
            var wake = Volatile.Read(ref _wake);
            if (wake.Task.IsCompleted)
            {
                wake = NewSignal();
                // A full fence, not a release: the re-check below must not read the counters before the new signal is
                // visible, or a writer that counted in between would complete the old signal and this wait would miss it.
                Interlocked.Exchange(ref _wake, wake);
                if (SendNow())
                {
                    return;
                }
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var delay = Task.Delay(remaining, _time, cancelDelay.Token);
            await Task.WhenAny(delay, wake.Task).ConfigureAwait(false);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
            _stop.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Delivers one batch until the server settles it; throws only when the client is stopped hard.</summary>
    private async Task DeliverAsync(ArraySegment<AgentOpsEvent> events)
    {
        byte[] body;
        try
        {
            body = AgentOpsApiClient.SerializeBatch(events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad event (say a NaN cost) must not sink its neighbours: halve until it is alone.
            if (events.Count > 1)
            {
                await SplitAsync(events).ConfigureAwait(false);
            }
            else
            {
                GiveUp(events, $"event {events[0].Id} cannot be written as JSON: {ex.Message}");
            }

            return;
        }

        if (body.Length > AgentOpsApiClient.MaxRequestBytes)
        {
            if (events.Count > 1)
            {
                Log.Splitting(_logger, $"{body.Length} bytes", events.Count);
                await SplitAsync(events).ConfigureAwait(false);
            }
            else
            {
                GiveUp(events, $"event {events[0].Id} is {body.Length} bytes, more than a request may carry");
            }

            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            IngestResponse? response = null;
            string reason;
            using (var timeout = new CancellationTokenSource(_requestTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, timeout.Token))
            {
                try
                {
                    response = await _api().SendEventsAsync(body, linked.Token).ConfigureAwait(false);
                    reason = $"HTTP {(int)response.StatusCode}";
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException)
                {
                    reason = $"no answer within {_requestTimeout.TotalMilliseconds:0} ms";
                }
                catch (Exception ex)
                {
                    reason = ex.Message;
                }
            }

            if (response is not null)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccess)
                {
                    Settle(events, response);
                    return;
                }

                if (status == (int)HttpStatusCode.RequestEntityTooLarge)
                {
                    if (events.Count > 1)
                    {
                        Log.Splitting(_logger, "HTTP 413", events.Count);
                        await SplitAsync(events).ConfigureAwait(false);
                    }
                    else
                    {
                        GiveUp(events, $"HTTP 413 for the single event {events[0].Id}: {response.ErrorBody}");
                    }

                    return;
                }

                if (!IsRetryable(status))
                {
                    GiveUp(events, $"HTTP {status}, not retried: {response.ErrorBody}");
                    return;
                }
            }

            if (_maxAttempts > 0 && attempt >= _maxAttempts)
            {
                GiveUp(events, $"{reason} after {attempt} attempts");
                return;
            }

            var delay = RetryDelay(response?.RetryAfter, attempt);
            var dueAt = _time.GetUtcNow() + delay;
            Interlocked.Increment(ref _retries);
            Log.Retrying(_logger, events.Count, attempt, reason, (long)delay.TotalMilliseconds);
            var remaining = dueAt - _time.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, _time, _stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task SplitAsync(ArraySegment<AgentOpsEvent> events)
    {
        var half = events.Count / 2;
        await DeliverAsync(events[..half]).ConfigureAwait(false);
        await DeliverAsync(events[half..]).ConfigureAwait(false);
    }

    private static bool IsRetryable(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    /// <summary>
    /// The server's <c>Retry-After</c>, at most <c>MaxRetryAfter</c>; when it is zero (or a date already past, or
    /// MaxRetryAfter is zero) the backoff, so that a proxy's <c>Retry-After: 0</c> cannot turn retries into a busy loop.
    /// </summary>
    private TimeSpan RetryDelay(TimeSpan? retryAfter, int attempt)
    {
        var honoured = retryAfter is { } wait ? (wait > _maxRetryAfter ? _maxRetryAfter : wait) : TimeSpan.Zero;
        return honoured > TimeSpan.Zero ? honoured : Backoff(attempt);
    }

    /// <summary>Exponential backoff with "equal jitter": half the exponential delay plus a random part of the other half.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _retryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _maxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    private void Settle(ArraySegment<AgentOpsEvent> events, IngestResponse response)
    {
        var errors = response.Result?.Errors ?? [];
        if (response.Result is null)
        {
            Log.UnreadableSuccess(_logger, response.StatusCode, events.Count);
        }

        var rejected = Math.Min(errors.Count, events.Count);
        Interlocked.Add(ref _delivered, events.Count - rejected);
        Interlocked.Add(ref _duplicates, response.Result?.Duplicates ?? 0);
        Interlocked.Add(ref _rejected, rejected);
        Interlocked.Add(ref _processed, events.Count);
        if (rejected > 0)
        {
            var first = errors[0];
            Log.Rejected(_logger, rejected, first.Index, first.Id, first.Code, first.Message);
        }

        SignalProgress();
    }

    private void GiveUp(ArraySegment<AgentOpsEvent> events, string reason)
    {
        Interlocked.Add(ref _failed, events.Count);
        Interlocked.Add(ref _processed, events.Count);
        Log.GaveUp(_logger, events.Count, reason);
        SignalProgress();
    }
}
