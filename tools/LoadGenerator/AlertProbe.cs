using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Event-to-alert latency of a <c>for: 0s</c> rule: every 500 ms a fresh agent makes a tool call its sandbox denied
/// (the default rule <c>tool-outside-allowlist</c>). Measured from the HTTP 2xx to the alert in the API, to its
/// <c>firedAt</c>, and to the arrival of its webhook at a receiver this probe runs on 127.0.0.1.
/// </summary>
public sealed class AlertProbe : IProbe
{
    private const string Rule = "tool-outside-allowlist";
    private const string Channel = "loadgen-webhook";

    private readonly Percentiles _toApi = new();
    private readonly Percentiles _toFiredAt = new();
    private readonly Percentiles _toWebhook = new();
    private readonly ConcurrentDictionary<string, long> _webhookArrivals = new();
    private long _accepted;

    public long EventsAccepted => _accepted;

    public async Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop)
    {
        using var receiver = new HttpListener();
        var port = FreePort();
        receiver.Prefixes.Add($"http://127.0.0.1:{port}/");
        receiver.Start();
        var receiving = ReceiveAsync(receiver, stop);
        var rule = await SubscribeAsync(http, port);
        try
        {
            var run = Guid.NewGuid().ToString("N")[..6];
            for (var n = 0; await Pace.DelayAsync(TimeSpan.FromMilliseconds(500), stop); n++)
            {
                var agent = $"alert-probe-{run}-{n}";
                var body = $$"""{"events":[{"id":"{{agent}}-0","type":"tool_call","agentId":"{{agent}}","runId":"{{agent}}","tool":"drop_table","status":"denied"}]}""";
                var response = await http.PostAsync("/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    continue;
                }

                var acknowledged = Stopwatch.GetTimestamp();
                var acknowledgedAt = DateTimeOffset.UtcNow;
                _accepted++;
                JsonNode? alert = null;
                var visible = await Poll.UntilAsync(async () =>
                {
                    var alerts = JsonNode.Parse(await http.GetStringAsync($"/v1/alerts?state=firing&entityId={agent}", CancellationToken.None))!["items"]!.AsArray();
                    alert = alerts.FirstOrDefault();
                    return alert is not null;
                });
                if (!visible || !measuring())
                {
                    continue;
                }

                _toApi.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
                _toFiredAt.Add(((DateTimeOffset)alert!["firedAt"]!.GetValue<DateTime>() - acknowledgedAt).TotalMilliseconds);
                if (await Poll.UntilAsync(() => Task.FromResult(_webhookArrivals.ContainsKey(agent))))
                {
                    _toWebhook.Add(Stopwatch.GetElapsedTime(acknowledged, _webhookArrivals[agent]).TotalMilliseconds);
                }
            }
        }
        finally
        {
            (await http.PutAsJsonAsync($"/v1/rules/{Rule}", rule, CancellationToken.None)).EnsureSuccessStatusCode();
            await http.DeleteAsync($"/v1/channels/{Channel}", CancellationToken.None);
            receiver.Stop();
            await receiving;
        }
    }

    public void Report()
    {
        Console.WriteLine($"event-to-alert    : API {_toApi.Summary()}");
        Console.WriteLine($"                    firedAt {_toFiredAt.Summary()}");
        Console.WriteLine($"                    webhook {_toWebhook.Summary()}");
    }

    /// <summary>Sends the rule's notifications to this probe's receiver; answers the rule as it was, to restore it.</summary>
    private static async Task<JsonNode> SubscribeAsync(HttpClient http, int port)
    {
        (await http.PutAsJsonAsync($"/v1/channels/{Channel}", new { type = "webhook", url = $"http://127.0.0.1:{port}/" })).EnsureSuccessStatusCode();
        var rule = JsonNode.Parse(await http.GetStringAsync($"/v1/rules/{Rule}"))!;
        var withChannel = rule.DeepClone();
        withChannel["channels"] = new JsonArray(Channel);
        (await http.PutAsJsonAsync($"/v1/rules/{Rule}", withChannel)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3)); // rules reach every silo's cache within 2 s
        return rule;
    }

    private async Task ReceiveAsync(HttpListener receiver, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && receiver.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await receiver.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var arrived = Stopwatch.GetTimestamp();
            using (var body = JsonDocument.Parse(context.Request.InputStream))
            {
                foreach (var alert in body.RootElement.GetProperty("alerts").EnumerateArray())
                {
                    if (alert.GetProperty("labels").TryGetProperty("entityId", out var entity) && alert.GetProperty("status").GetString() == "firing")
                    {
                        _webhookArrivals.TryAdd(entity.GetString()!, arrived);
                    }
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
