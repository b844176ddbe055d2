using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentOps.Client.Events;
using AgentOps.Client.Runs;
using Microsoft.Extensions.AI;

namespace AgentOps.Client.ChatClients;

/// <summary>
/// <see cref="IChatClient"/> middleware that records every model call as an <c>llm_call</c> event and every tool call it
/// can see as a <c>tool_call</c> event, for both <see cref="GetResponseAsync"/> and <see cref="GetStreamingResponseAsync"/>.
/// Add it with <see cref="AgentOpsChatClientBuilderExtensions.UseAgentOps"/>.
/// </summary>
/// <remarks>
/// <para><b>Which run.</b> A call belongs to the run named by the chat options' <c>agentops.*</c> keys
/// (<see cref="AgentOpsChatOptions.WithAgentOpsRun(ChatOptions, string, string?, string?, string?, string?)"/>), else to the
/// ambient <see cref="RunScope.Current"/> (an <see cref="AsyncLocal{T}"/> set by <see cref="AgentOpsClient.StartRun"/>).
/// Agent, route, user and version come from the same place, so every event carries the run's route and user. The keys
/// are removed from the options before the call reaches the inner client. A call with no known run is passed through
/// unrecorded (and logged, at most once per <see cref="AgentOpsClientOptions.DropLogInterval"/>).</para>
/// <para><b>llm_call.</b> Model: the response's <see cref="ChatResponse.ModelId"/>, else <see cref="ChatOptions.ModelId"/>,
/// else the inner client's <see cref="ChatClientMetadata.DefaultModelId"/>, else <see cref="AgentOpsChatClientOptions.UnknownModel"/>.
/// Tokens: <see cref="UsageDetails.InputTokenCount"/>, <see cref="UsageDetails.OutputTokenCount"/> and
/// <see cref="UsageDetails.CachedInputTokenCount"/> (else a cached-token entry of <see cref="UsageDetails.AdditionalCounts"/>,
/// such as <c>InputTokenDetails.CachedTokenCount</c>); cached tokens are part of the input tokens, so they are sent only
/// with an input count and never above it. Latency: from the call to the response (streaming: to the last update).
/// Timestamp: when the call began. Status: <c>ok</c>, or <c>error</c> with the exception's type name as <c>errorType</c>
/// (the exception is rethrown).</para>
/// <para><b>Attempts.</b> Per run, the middleware counts the model calls that failed in a row: a call that follows
/// <i>n</i> failed calls of the same run is attempt <i>n</i>+1, whatever its messages; a successful call resets the count,
/// so the next call is attempt 1 again. Example: error (1), error (2), ok (3), ok (1).</para>
/// <para><b>tool_call.</b> A <see cref="FunctionCallContent"/> in a response is remembered; when a later request of the
/// same run carries the <see cref="FunctionResultContent"/> with its call id, one <c>tool_call</c> is recorded: the
/// function name as <c>tool</c>, <c>error</c> when the result carries an exception (its type name in the
/// <c>errorType</c> attribute), the time between the response and that request as latency. A call and result that
/// arrive in the same response (function invocation inside this middleware) are recorded at once, without latency.
/// Put this middleware inside <c>UseFunctionInvocation()</c> (after it in the builder) so that every model round trip is
/// its own <c>llm_call</c>. Action, target and approval are for <see cref="AgentOpsChatClientOptions.ConfigureToolCall"/> to fill.</para>
/// </remarks>
public sealed class AgentOpsChatClient : DelegatingChatClient
{
    private static readonly string[] CachedTokenKeys =
    [
        "CachedInputTokenCount", "InputTokenDetails.CachedTokenCount", "CachedTokenCount", "cached_tokens", "cache_read_input_tokens", "CacheReadInputTokens",
    ];

    /// <summary>M.E.AI's JSON settings (they know its content types), written compactly.</summary>
    private static readonly JsonSerializerOptions ContentJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private readonly AgentOpsClient _client;
    private readonly AgentOpsChatClientOptions _options;
    private readonly LogThrottle _unattributedLog;
    private readonly string? _defaultModelId;
    private readonly ConcurrentDictionary<string, int> _failuresInARow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string RunId, string CallId), PendingToolCall> _pendingTools = new();
    private long _unattributed;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client that talks to the model.</param>
    /// <param name="client">Where the events go.</param>
    /// <param name="options">The middleware's settings (default: <see cref="AgentOpsChatClientOptions"/> defaults).</param>
    public AgentOpsChatClient(IChatClient innerClient, AgentOpsClient client, AgentOpsChatClientOptions? options = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new AgentOpsChatClientOptions();
        _unattributedLog = new LogThrottle(client.TimeProvider, TimeSpan.FromSeconds(10));
        _defaultModelId = innerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
    }

    /// <summary>Chat calls passed through unrecorded because no run was known.</summary>
    public long UnattributedCalls => Volatile.Read(ref _unattributed);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var run = RunContext.Resolve(options, _client);
        var innerOptions = WithoutRunKeys(options);
        if (run is null)
        {
            NoteUnattributed();
            return await base.GetResponseAsync(messages, innerOptions, cancellationToken).ConfigureAwait(false);
        }

        messages = RecordToolResults(run, messages);
        var call = Begin(run);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, innerOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            End(run, call, messages, options, null, ex);
            throw;
        }

        End(run, call, messages, options, response, null);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = RunContext.Resolve(options, _client);
        var innerOptions = WithoutRunKeys(options);
        if (run is null)
        {
            NoteUnattributed();
            await foreach (var update in base.GetStreamingResponseAsync(messages, innerOptions, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        messages = RecordToolResults(run, messages);
        var call = Begin(run);
        var updates = new List<ChatResponseUpdate>();
        var ended = false;
        var enumerator = base.GetStreamingResponseAsync(messages, innerOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception ex)
                {
                    ended = true;
                    End(run, call, messages, options, updates.ToChatResponse(), ex);
                    throw;
                }

                updates.Add(enumerator.Current);
                yield return enumerator.Current;
            }

            ended = true;
            End(run, call, messages, options, updates.ToChatResponse(), null);
        }
        finally
        {
            if (!ended)
            {
                // The consumer stopped reading early: record what was streamed so far.
                End(run, call, messages, options, updates.ToChatResponse(), null);
            }

            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ChatOptions? WithoutRunKeys(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { Count: > 0 } properties || !properties.Keys.Any(IsRunKey))
        {
            return options;
        }

        var copy = options.Clone();
        var kept = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in properties)
        {
            if (!IsRunKey(key))
            {
                kept[key] = value;
            }
        }

        copy.AdditionalProperties = kept.Count == 0 ? null : kept;
        return copy;

        static bool IsRunKey(string key) => key.StartsWith(AgentOpsChatOptions.KeyPrefix, StringComparison.Ordinal);
    }

    private void NoteUnattributed()
    {
        var count = Interlocked.Increment(ref _unattributed);
        if (_unattributedLog.ShouldLog(out _))
        {
            Log.ChatCallWithoutRun(_client.Logger, count);
        }
    }

    private CallStart Begin(RunContext run)
    {
        var attempt = _failuresInARow.TryGetValue(run.RunId, out var failures) ? failures + 1 : 1;
        return new CallStart(attempt, _client.TimeProvider.GetUtcNow(), _client.TimeProvider.GetTimestamp());
    }

    /// <summary>Records a finished call; monitoring never breaks the agent, so a failure here is logged, not thrown.</summary>
    private void End(RunContext run, CallStart call, IEnumerable<ChatMessage> messages, ChatOptions? options, ChatResponse? response, Exception? error)
    {
        try
        {
            Record(run, call, messages, options, response, error);
        }
        catch (Exception ex)
        {
            Log.RecordingFailed(_client.Logger, ex);
        }
    }

    private void Record(RunContext run, CallStart call, IEnumerable<ChatMessage> messages, ChatOptions? options, ChatResponse? response, Exception? error)
    {
        var latency = _client.TimeProvider.GetElapsedTime(call.StartTimestamp);
        if (error is null)
        {
            _failuresInARow.TryRemove(run.RunId, out _);
        }
        else
        {
            Bound(_failuresInARow);
            _failuresInARow[run.RunId] = call.Attempt;
        }

        var usage = response?.Usage;
        var input = usage?.InputTokenCount;
        var cached = input is null ? null : CachedTokens(usage!) is { } c ? Math.Min(c, input.Value) : (long?)null;
        var e = new LlmCallEvent(FirstNonEmpty(response?.ModelId, options?.ModelId, _defaultModelId) ?? _options.UnknownModel)
        {
            Timestamp = call.StartedAt,
            InputTokens = input,
            OutputTokens = usage?.OutputTokenCount,
            CachedInputTokens = cached,
            LatencyMs = latency.TotalMilliseconds,
            Status = error is null ? CallStatus.Ok : CallStatus.Error,
            ErrorType = error?.GetType().Name,
            Attempt = call.Attempt,
        };
        if (_options.RecordContent)
        {
            e.Input = Cut(messages.LastOrDefault()?.Text);
            e.Output = Cut(response?.Text);
        }

        _options.ConfigureLlmCall?.Invoke(e, response, error);
        Track(run, e);
        if (response is not null && _options.RecordToolCalls)
        {
            RecordToolCalls(run, response);
        }
    }

    /// <summary>Remembers the function calls of a response; records at once those whose result is in the same response.</summary>
    private void RecordToolCalls(RunContext run, ChatResponse response)
    {
        Dictionary<string, FunctionResultContent>? results = null;
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result && !string.IsNullOrEmpty(result.CallId))
                {
                    (results ??= new(StringComparer.Ordinal))[result.CallId] = result;
                }
            }
        }

        var now = _client.TimeProvider.GetUtcNow();
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is not FunctionCallContent call || string.IsNullOrEmpty(call.Name))
                {
                    continue;
                }

                if (results is not null && call.CallId is not null && results.TryGetValue(call.CallId, out var result))
                {
                    TrackToolCall(run, call, result, now, latency: null);
                }
                else if (!string.IsNullOrEmpty(call.CallId))
                {
                    Bound(_pendingTools);
                    _pendingTools[(run.RunId, call.CallId)] = new PendingToolCall(call, now, _client.TimeProvider.GetTimestamp());
                }
            }
        }
    }

    /// <summary>Records the tool calls whose results this request carries back to the model.</summary>
    private IEnumerable<ChatMessage> RecordToolResults(RunContext run, IEnumerable<ChatMessage> messages)
    {
        if (!_options.RecordToolCalls || _pendingTools.IsEmpty)
        {
            return messages;
        }

        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        foreach (var message in list)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result
                    && !string.IsNullOrEmpty(result.CallId)
                    && _pendingTools.TryRemove((run.RunId, result.CallId), out var pending))
                {
                    try
                    {
                        TrackToolCall(run, pending.Call, result, pending.RequestedAt, _client.TimeProvider.GetElapsedTime(pending.RequestedTimestamp));
                    }
                    catch (Exception ex)
                    {
                        Log.RecordingFailed(_client.Logger, ex); // before the model call, outside End: monitoring never breaks the agent
                    }
                }
            }
        }

        return list;
    }

    private void TrackToolCall(RunContext run, FunctionCallContent call, FunctionResultContent? result, DateTimeOffset requestedAt, TimeSpan? latency)
    {
        var failure = result?.Exception;
        var e = new ToolCallEvent(call.Name)
        {
            Timestamp = requestedAt,
            Status = failure is null ? CallStatus.Ok : CallStatus.Error,
            LatencyMs = latency?.TotalMilliseconds,
            Attributes = failure is null ? null : new Dictionary<string, string> { ["errorType"] = failure.GetType().Name },
        };
        if (_options.RecordContent)
        {
            e.Input = call.Arguments is null ? null : Cut(ToJson(call.Arguments));
            e.Output = Cut(result?.Result switch
            {
                null => null,
                string text => text,
                var value => ToJson(value),
            });
        }

        _options.ConfigureToolCall?.Invoke(e, call, result);
        Track(run, e);
    }

    private void Track(RunContext run, AgentOpsEvent e) => _client.Track(run.Apply(e));

    private void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> state)
        where TKey : notnull
    {
        if (state.Count >= _options.MaxTrackedEntries)
        {
            state.Clear();
        }
    }

    private static long? CachedTokens(UsageDetails usage)
    {
        if (usage.CachedInputTokenCount is { } cached)
        {
            return cached;
        }

        if (usage.AdditionalCounts is { Count: > 0 } counts)
        {
            foreach (var key in CachedTokenKeys)
            {
                foreach (var (name, value) in counts)
                {
                    if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    private static string? FirstNonEmpty(string? a, string? b, string? c) =>
        !string.IsNullOrEmpty(a) ? a : !string.IsNullOrEmpty(b) ? b : !string.IsNullOrEmpty(c) ? c : null;

    private string? Cut(string? text) =>
        text is null || text.Length <= _options.MaxContentChars ? text : text[.._options.MaxContentChars];

    private static string ToJson(object value)
    {
        try
        {
            return JsonSerializer.Serialize(value, ContentJson.GetTypeInfo(value.GetType()));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return value.ToString() ?? string.Empty;
        }
    }

    private readonly record struct CallStart(int Attempt, DateTimeOffset StartedAt, long StartTimestamp);

    private sealed record PendingToolCall(FunctionCallContent Call, DateTimeOffset RequestedAt, long RequestedTimestamp);
}
