using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentOps.Client.Events;
using AgentOps.Client.Guard;

namespace AgentOps.Client.Http;

/// <summary>
/// The typed <see cref="HttpClient"/> of the AgentOps HTTP contract: one request per call, no queue, no retries.
/// <see cref="AgentOpsClient"/> builds batching, retries and the guard's failure mode on top of it; use this class
/// directly only when you manage delivery yourself.
/// </summary>
/// <remarks>Every request carries <c>Authorization: Bearer &lt;ApiKey&gt;</c> when <see cref="AgentOpsClientOptions.ApiKey"/> is set.</remarks>
public sealed class AgentOpsApiClient
{
    /// <summary>The most events the server takes in one request (more: 413).</summary>
    public const int MaxEventsPerRequest = 5_000;

    /// <summary>The largest request body the server takes, in bytes (more: 413).</summary>
    public const int MaxRequestBytes = 5 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly Uri _eventsUri;
    private readonly Uri _guardUri;

    /// <summary>Creates the client over <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client; when <see cref="AgentOpsClientOptions.BaseAddress"/> is null its own <see cref="HttpClient.BaseAddress"/> must be set.</param>
    /// <param name="options">Where the server is and which key to send.</param>
    /// <param name="timeProvider">The clock used to read a <c>Retry-After</c> date (default: the system clock).</param>
    public AgentOpsApiClient(HttpClient httpClient, AgentOpsClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _time = timeProvider ?? TimeProvider.System;
        _authorization = string.IsNullOrEmpty(options.ApiKey) ? null : new AuthenticationHeaderValue("Bearer", options.ApiKey);
        if (options.BaseAddress is { } baseAddress)
        {
            var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
            _eventsUri = new Uri(root, "v1/events");
            _guardUri = new Uri(root, "v1/guard");
        }
        else
        {
            _eventsUri = new Uri("v1/events", UriKind.Relative);
            _guardUri = new Uri("v1/guard", UriKind.Relative);
        }
    }

    /// <summary>Posts one batch to <c>POST /v1/events</c> and reports the answer, whatever its status.</summary>
    /// <param name="events">The events (at most <see cref="MaxEventsPerRequest"/>); ids and timestamps are sent as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, the parsed 202/207 body and any <c>Retry-After</c>.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    public Task<IngestResponse> SendEventsAsync(IReadOnlyList<AgentOpsEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return SendEventsAsync(SerializeBatch(events), cancellationToken);
    }

    /// <summary>Asks <c>POST /v1/guard</c> whether a step may go ahead, with no timeout of its own and no failure mode.</summary>
    /// <param name="request">The proposed step.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The server's decision (<see cref="GuardDecision.Source"/> is <see cref="GuardDecisionSource.Server"/>).</returns>
    /// <exception cref="HttpRequestException">The server could not be reached or did not answer 200 (see <see cref="HttpRequestException.StatusCode"/>).</exception>
    /// <exception cref="JsonException">The answer was not a guard decision.</exception>
    public async Task<GuardDecision> GuardAsync(GuardRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new GuardRequestBody(request.AgentId, request.RunId, request.Tool, request.Action, request.Target, request.EstimatedCostUsd);
        using var message = new HttpRequestMessage(HttpMethod.Post, _guardUri)
        {
            Content = JsonContent.Create(body, ClientJsonContext.Default.GuardRequestBody, JsonMediaType),
        };
        message.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"The guard answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        var decision = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.GuardResponseBody, cancellationToken).ConfigureAwait(false);
        if (decision?.Allow is not { } allow)
        {
            throw new JsonException("The guard's answer has no 'allow'.");
        }

        return new GuardDecision(allow, decision.Reasons ?? [], decision.RunCostUsd, decision.DailyCostUsd, GuardDecisionSource.Server, GuardFailure.None, null);
    }

    /// <summary>Serializes a batch as the <c>{"events":[...]}</c> body.</summary>
    internal static byte[] SerializeBatch(IReadOnlyList<AgentOpsEvent> events) =>
        JsonSerializer.SerializeToUtf8Bytes(new EventBatchBody(events), ClientJsonContext.Default.EventBatchBody);

    /// <summary>Posts an already serialized batch.</summary>
    internal async Task<IngestResponse> SendEventsAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = JsonMediaType;
        using var message = new HttpRequestMessage(HttpMethod.Post, _eventsUri) { Content = content };
        message.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        if ((int)status is >= 200 and <= 299)
        {
            IngestResult? result;
            try
            {
                result = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.IngestResult, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                result = null;
            }

            return new IngestResponse(status, result, null, null);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResponse(status, null, RetryAfter(response), text.Length <= 1_000 ? text : text[..1_000]);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
