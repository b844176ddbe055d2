using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AgentOps.Client;
using AgentOps.Client.Events;
using AgentOps.Client.Http;

namespace AgentOps.Simulator;

/// <summary>
/// Posts batches through the Client SDK's <see cref="AgentOpsApiClient"/> (at most 5,000 events per request) and waits
/// for each answer, retrying 429 (after Retry-After) and 5xx: the backfill must arrive oldest first and complete,
/// which the SDK's fire-and-forget sender does not promise. Policies go over plain HTTP (the SDK does not set them).
/// </summary>
public sealed class Ingest : IDisposable
{
    private const int MaxAttempts = 6;
    private readonly HttpClient _http;
    private readonly AgentOpsApiClient _api;

    public Ingest(Uri url, string key)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _api = new AgentOpsApiClient(_http, new AgentOpsClientOptions { BaseAddress = url, ApiKey = key });
    }

    public long Accepted { get; private set; }
    public long Rejected { get; private set; }

    public async Task PostAsync(IReadOnlyList<AgentOpsEvent> events, CancellationToken cancellationToken)
    {
        foreach (var batch in events.Chunk(AgentOpsApiClient.MaxEventsPerRequest))
        {
            await PostBatchAsync(batch, cancellationToken);
        }
    }

    public async Task SetPolicyAsync(string agentId, WirePolicy policy, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/agents/{Uri.EscapeDataString(agentId)}/policy", policy, WirePolicy.Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task PostBatchAsync(AgentOpsEvent[] batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await _api.SendEventsAsync(batch, cancellationToken);
            if (response.IsSuccess)
            {
                Accepted += response.Result?.Accepted ?? 0;
                Rejected += response.Result?.Errors?.Count ?? 0;
                if (response.Result?.Errors is { Count: > 0 } errors)
                {
                    Console.Error.WriteLine($"  {errors.Count} events rejected, e.g. {errors[0].Code}: {errors[0].Message}");
                }

                return;
            }

            if (attempt < MaxAttempts && (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500))
            {
                await Task.Delay(response.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(10, attempt * 2)), cancellationToken);
                continue;
            }

            throw Refused(response.StatusCode, response.ErrorBody);
        }
    }

    private static HttpRequestException Refused(HttpStatusCode status, string? body) =>
        new($"{(int)status} {status}: {body}", null, status);
}
