using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Durability.Tests;

/// <summary>
/// Sends batches while silos live and die, and checks the contract: each batch is one agent's 20 model calls, so per
/// agent the count is exactly 20 when the batch got a 2xx, 0 or 20 (never a part, never more) when it did not; and
/// after every batch is re-sent, every agent has exactly 20 and the route the sum.
/// </summary>
internal sealed class LoadDriver(string run)
{
    public const int EventsPerBatch = 20;
    public const string Route = "checkout";

    private readonly ConcurrentDictionary<int, bool> _acked = new();
    private int _next;

    public int Sent => _next;

    public int Acked => _acked.Count(a => a.Value);

    public static string Agent(int batch) => $"agent-{batch:D5}";

    public string Body(int batch)
    {
        var events = new JsonArray();
        for (var i = 0; i < EventsPerBatch; i++)
        {
            events.Add(new JsonObject
            {
                ["id"] = $"{run}-{batch}-{i}",
                ["type"] = "llm_call",
                ["agentId"] = Agent(batch),
                ["runId"] = $"run-{batch}",
                ["routeId"] = Route,
                ["userId"] = $"user-{batch % 7}",
                ["model"] = "gpt-4o",
                ["inputTokens"] = 1,
            });
        }

        return new JsonObject { ["events"] = events }.ToJsonString();
    }

    /// <summary>Sends new batches through the given clients (round robin) until cancelled; a failed request is simply not acknowledged.</summary>
    public async Task SendUntilAsync(IReadOnlyList<HttpClient> clients, CancellationToken stop, int senders = 2)
    {
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = Interlocked.Increment(ref _next) - 1;
                _acked[batch] = false;
                _acked[batch] = await PostAsync(clients[batch % clients.Count], batch) is HttpStatusCode.Accepted;
            }
        }));
    }

    /// <summary>Every acknowledged batch is counted exactly once; every other one wholly or not at all.</summary>
    public async Task AssertExactlyOnceAsync(HttpClient client)
    {
        await Eventually.AssertAsync(async () =>
        {
            foreach (var (batch, acked) in _acked)
            {
                var count = await CountAsync(client, batch);
                if (acked)
                {
                    Assert.True(count == EventsPerBatch, $"acknowledged batch {batch} counts {count}, not {EventsPerBatch}");
                }
                else
                {
                    Assert.True(count is 0 or EventsPerBatch, $"unacknowledged batch {batch} counts {count}: a part or a double");
                }
            }
        }, TimeSpan.FromSeconds(90));
    }

    /// <summary>Re-sends every batch: those counted before are all duplicates, and afterwards every agent counts exactly once.</summary>
    public async Task ResendAllAndAssertTotalsAsync(HttpClient client)
    {
        for (var batch = 0; batch < _next; batch++)
        {
            var counted = await CountAsync(client, batch) == EventsPerBatch;
            var response = await client.PostAsync("/v1/events", new StringContent(Body(batch), Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            if (counted)
            {
                Assert.Equal(EventsPerBatch, (int)body["duplicates"]!);
            }
        }

        await Eventually.AssertAsync(async () =>
        {
            for (var batch = 0; batch < _next; batch++)
            {
                Assert.Equal(EventsPerBatch, await CountAsync(client, batch));
            }

            var route = JsonNode.Parse(await client.GetStringAsync($"/v1/routes/{Route}?window=1h"))!;
            Assert.Equal(EventsPerBatch * _next, (int)route["metrics"]!["llmCalls"]!);
        }, TimeSpan.FromSeconds(90));
    }

    private async Task<HttpStatusCode?> PostAsync(HttpClient client, int batch)
    {
        try
        {
            using var response = await client.PostAsync("/v1/events", new StringContent(Body(batch), Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Task.Delay(100);
            return null;
        }
    }

    private static async Task<int> CountAsync(HttpClient client, int batch)
    {
        var response = await client.GetAsync($"/v1/agents/{Agent(batch)}?window=1h");
        while (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Counting every batch again and again while the silo recovers can outrun the key's rate limit: back off
            // as any client must, rather than fail the round.
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(100);
            response.Dispose();
            await Task.Delay(retryAfter);
            response = await client.GetAsync($"/v1/agents/{Agent(batch)}?window=1h");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        response.EnsureSuccessStatusCode();
        return (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["metrics"]!["llmCalls"]!;
    }
}
