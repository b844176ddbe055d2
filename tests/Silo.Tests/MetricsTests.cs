using System.Net;

namespace AgentOps.Silo.Tests;

/// <summary><c>GET /metrics</c>: Prometheus text, the silo's counters and a bounded set of per-agent series.</summary>
[Collection(SiloCollection.Name)]
public sealed class MetricsTests(SiloFactory silo)
{
    [Fact]
    public async Task Metrics_show_ingest_counters_and_the_top_agents_with_the_rest_summed()
    {
        var client = silo.IsolatedProjectClient();
        var now = silo.Clock.GetUtcNow();
        for (var agent = 0; agent < 5; agent++)
        {
            var events = Enumerable.Range(0, agent + 1).SelectMany(run => Ev.Run($"m{agent}", $"m{agent}-r{run}", now.AddMinutes(-10), 0.5, []));
            await (await client.PostEventsAsync(events)).JsonAsync(HttpStatusCode.Accepted);
        }

        string text = "";
        await Eventually.AssertAsync(async () =>
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            text = await response.Content.ReadAsStringAsync();
            Assert.Contains("agentops_agent_runs_1h{project=\"isolated-", text, StringComparison.Ordinal);
            Assert.Contains("agent=\"(other)\"} 3", text, StringComparison.Ordinal); // agents m1 (2 runs) and m0 (1 run) summed
        });

        Assert.Contains("# TYPE agentops_ingest_events_accepted_total counter", text, StringComparison.Ordinal);
        Assert.Contains("agentops_storage_requests_total{service=\"table\"}", text, StringComparison.Ordinal);
        var runLines = text.Split('\n').Where(l => l.StartsWith("agentops_agent_runs_1h{", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, runLines.Count); // the top 3 and (other)
        Assert.Contains(runLines, l => l.Contains("agent=\"m4\"} 5", StringComparison.Ordinal));
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("agentops_agent_retry_rate_1h", StringComparison.Ordinal) && l.Contains("(other)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_anonymous_scrapes_allowed_only_a_key_that_may_read_gets_the_projects_series()
    {
        await using var open = silo.WithWebHostBuilder(b => b.UseSetting("AgentOps:Metrics:AllowAnonymous", "true"));
        using var ingest = open.CreateClient();
        ingest.DefaultRequestHeaders.Authorization = new("Bearer", SiloFactory.AlphaIngest);
        using var read = open.CreateClient();
        read.DefaultRequestHeaders.Authorization = new("Bearer", SiloFactory.AlphaRead);
        await (await ingest.PostEventsAsync(Ev.Run("metered-agent", "ma-r1", silo.Clock.GetUtcNow().AddMinutes(-5), 0.5, []))).JsonAsync(HttpStatusCode.Accepted);

        await Eventually.AssertAsync(async () => Assert.Contains("agent=\"metered-agent\"", await read.GetStringAsync("/metrics"), StringComparison.Ordinal));
        var ingestView = await ingest.GetStringAsync("/metrics");
        Assert.Contains("agentops_ingest_events_accepted_total", ingestView, StringComparison.Ordinal);
        Assert.DoesNotContain("metered-agent", ingestView, StringComparison.Ordinal);
        Assert.DoesNotContain("metered-agent", await open.CreateClient().GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_need_a_read_key_by_default()
    {
        await (await silo.ClientWithKey(null).GetAsync("/metrics")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await silo.ClientWithKey(SiloFactory.AlphaIngest).GetAsync("/metrics")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
