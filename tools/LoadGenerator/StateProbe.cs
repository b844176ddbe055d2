using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AgentOps.LoadGenerator;

/// <summary>Event-to-state latency: every 250 ms one event for a probe agent, then the time until the agent counts it.</summary>
public sealed class StateProbe : IProbe
{
    private readonly Percentiles _latency = new();
    private long _accepted;

    public long EventsAccepted => _accepted;

    public async Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop)
    {
        var agent = "probe-" + Guid.NewGuid().ToString("N")[..8];
        while (await Pace.DelayAsync(TimeSpan.FromMilliseconds(250), stop))
        {
            var body = $$"""{"events":[{"id":"{{agent}}-{{_accepted}}","type":"llm_call","agentId":"{{agent}}","runId":"{{agent}}-run","model":"gpt-4o","inputTokens":1}]}""";
            var response = await http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                continue;
            }

            var acknowledged = Stopwatch.GetTimestamp();
            var expected = ++_accepted;
            if (await Poll.UntilAsync(async () =>
                {
                    using var state = await http.GetAsync($"/v1/agents/{agent}?window=5m", CancellationToken.None);
                    if (!state.IsSuccessStatusCode)
                    {
                        return false;
                    }

                    using var json = JsonDocument.Parse(await state.Content.ReadAsStreamAsync(CancellationToken.None));
                    return json.RootElement.GetProperty("metrics").GetProperty("llmCalls").GetInt64() >= expected;
                }) && measuring())
            {
                _latency.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
            }
        }
    }

    public void Report() => Console.WriteLine($"event-to-state    : {_latency.Summary()}");
}
