using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace AgentOps.Simulator;

/// <summary>Posts batches to <c>/v1/events</c> (at most 5,000 per request), honoring 429 Retry-After and retrying 5xx.</summary>
public sealed class Ingest : IDisposable
{
    private const int MaxBatch = 5_000;
    private readonly HttpClient _http;

    public Ingest(Uri url, string key)
    {
        _http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public long Accepted { get; private set; }
    public long Rejected { get; private set; }

    public async Task PostAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken)
    {
        foreach (var batch in events.Chunk(MaxBatch))
        {
            await PostBatchAsync(batch, cancellationToken);
        }
    }

    public async Task SetPolicyAsync(string agentId, WirePolicy policy, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/agents/{Uri.EscapeDataString(agentId)}/policy", policy, Wire.Json, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task PostBatchAsync(WireEvent[] batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await _http.PostAsJsonAsync("/v1/events", new { events = batch }, Wire.Json, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.MultiStatus)
            {
                var body = await response.Content.ReadFromJsonAsync<IngestAnswer>(Wire.Json, cancellationToken);
                Accepted += body?.Accepted ?? 0;
                Rejected += body?.Errors?.Count ?? 0;
                if (body?.Errors is { Count: > 0 } errors)
                {
                    Console.Error.WriteLine($"  {errors.Count} events rejected, e.g. {errors[0].Code}: {errors[0].Message}");
                }

                return;
            }

            if (attempt < 6 && (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500))
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Min(10, attempt * 2));
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            await EnsureAsync(response, cancellationToken);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
        }
    }

    private sealed record IngestAnswer(long Accepted, long Duplicates, List<IngestError>? Errors);

    private sealed record IngestError(int Index, string? Id, string? Code, string? Message);
}
