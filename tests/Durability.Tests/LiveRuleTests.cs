using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Durability.Tests;

/// <summary>A rule's <c>for</c> on the wall clock of a running silo process (the TestCluster tests use a fake clock).</summary>
public sealed class LiveRuleTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_retry_storm_fires_a_for_5s_rule_only_after_it_held_five_seconds()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "live-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();
        var rule = new { scope = "agent", match = "storm-*", metric = "retryRate", window = "1m", op = ">", threshold = 0.2, @for = "5s", minSamples = 10, severity = "warning" };
        (await client.PutAsJsonAsync("/v1/rules/retry-5s", rule)).EnsureSuccessStatusCode();

        // Three retries in every ten calls, posted until the alert fires: the condition holds the whole time.
        var batch = 0;
        async Task PostStormAsync()
        {
            var events = Enumerable.Range(0, 10).Select(i => Ev.Of("llm_call", "storm-1", $"run-{batch}", DateTimeOffset.UtcNow)
                .With("model", "gpt-4o").With("inputTokens", 100).With("outputTokens", 10).With("attempt", i < 3 ? 2 : 1));
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/v1/events", new { events })).StatusCode);
            batch++;
        }

        JsonNode? fired = null;
        await Eventually.AssertAsync(async () =>
        {
            await PostStormAsync();
            await Task.Delay(500);
            var alerts = JsonNode.Parse(await client.GetStringAsync("/v1/alerts?state=firing&ruleId=retry-5s"))!["items"]!.AsArray();
            fired = Assert.Single(alerts);
        }, TimeSpan.FromSeconds(60));

        var startsAt = DateTimeOffset.Parse((string)fired!["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        var firedAt = DateTimeOffset.Parse((string)fired["firedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("storm-1", (string?)fired["entityId"]);
        Assert.True(firedAt - startsAt >= TimeSpan.FromSeconds(5), $"fired {firedAt - startsAt} after the condition began to hold");
        Assert.True(batch >= 2, "the alert fired on the first batch, before the condition could have held for 5 s");
    }
}
