using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Durability.Tests;

/// <summary>What survives a clean restart, and what a storage outage does to ingest and readiness.</summary>
public sealed class RestartAndOutageTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Events(string prefix, string agent, int count, string extra = "") =>
        "{\"events\":[" + string.Join(',', Enumerable.Range(0, count).Select(i =>
            $"{{\"id\":\"{prefix}-{i}\",\"type\":\"tool_call\",\"agentId\":\"{agent}\",\"runId\":\"{prefix}-run\",\"routeId\":\"r1\",\"userId\":\"u1\",\"tool\":\"db_write\",\"action\":\"write\",\"target\":\"db:production.t\"{extra}}}"))
        + $",{{\"id\":\"{prefix}-end\",\"type\":\"run_finished\",\"agentId\":\"{agent}\",\"runId\":\"{prefix}-run\",\"routeId\":\"r1\",\"userId\":\"u1\",\"outcome\":\"success\"}}]}}";

    [Fact]
    public async Task A_clean_restart_keeps_windows_runs_policies_rules_alerts_and_violations()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "restart-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();

        (await client.PutAsJsonAsync("/v1/agents/migrator/policy", new { writeTargets = new[] { "db:staging.*" }, autonomyTier = "staging-only" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/rules/many-writes", new { metric = "toolCalls", window = "1h", op = ">", threshold = 2, severity = "info" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Events("a", "migrator", 3)))).StatusCode);
        await Eventually.AssertAsync(async () =>
            Assert.Equal(2, JsonNode.Parse(await client.GetStringAsync("/v1/alerts?state=firing&entityId=migrator"))!["items"]!.AsArray().Count), TimeSpan.FromSeconds(30));

        string[] paths =
        [
            "/v1/agents/migrator?window=7d", "/v1/routes/r1?window=7d", "/v1/users/u1?window=7d", "/v1/agents/migrator/runs",
            "/v1/agents/migrator/policy", "/v1/agents/migrator/violations", "/v1/rules", "/v1/alerts?state=all",
        ];
        var before = await SnapshotAsync(client, paths);

        silo.Stop();
        await silo.StartAsync();

        Assert.Equal(before, await SnapshotAsync(client, paths));
    }

    [Fact]
    public async Task A_fleet_larger_than_a_table_entity_survives_a_restart()
    {
        // 8,000 agents make ~1.6 MB of fleet rows: more than the 1 MB an Azure table entity holds, so they live in a blob.
        const int Agents = 8_000;
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "fleet-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();
        var at = DateTimeOffset.UtcNow.AddSeconds(-10);
        foreach (var batch in Enumerable.Range(0, Agents).Chunk(2_000))
        {
            var events = batch.SelectMany(i => new[]
            {
                Ev.Of("run_started", $"fleet-agent-{i:0000}", $"fr{i}", at),
                Ev.Of("run_finished", $"fleet-agent-{i:0000}", $"fr{i}", at).With("outcome", "success"),
            });
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/v1/events", new { events })).StatusCode);
        }

        await Eventually.AssertAsync(async () => Assert.Equal(Agents, await FleetRunsAsync(client)), TimeSpan.FromSeconds(60));

        silo.Stop();
        await silo.StartAsync();

        Assert.Equal(Agents, await FleetRunsAsync(client)); // no event since the restart: the rows come from storage
    }

    /// <summary>Runs in the last hour over every agent's fleet row, as <c>/metrics</c> shows them (the top agents and the rest summed).</summary>
    private static async Task<double> FleetRunsAsync(HttpClient client) =>
        (await client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("agentops_agent_runs_1h{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Stored_trajectories_survive_a_restart_kept_steps_and_dropped_totals_alike()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "runs-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();
        (await client.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 0.0, retentionDays = 14 })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/agents/migrator/policy", new { writeTargets = new[] { "db:staging.*" } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Events("kept", "migrator", 3)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Events("dropped", "tidy", 2)))).StatusCode);
        await Eventually.AssertAsync(async () =>
        {
            Assert.Equal("kept", await SamplingStateAsync(client, "kept-run"));
            Assert.Equal("dropped", await SamplingStateAsync(client, "dropped-run"));
        }, TimeSpan.FromSeconds(30));
        string[] paths = ["/v1/runs/kept-run", "/v1/runs/dropped-run", "/v1/runs/kept-run/steps.jsonl"];
        var before = await SnapshotAsync(client, paths);

        silo.Stop();
        await silo.StartAsync();

        Assert.Equal(before, await SnapshotAsync(client, paths));
        Assert.Equal(4, JsonNode.Parse(await client.GetStringAsync("/v1/runs/kept-run"))!["steps"]!.AsArray().Count);
    }

    [Fact]
    public async Task With_storage_down_ingest_answers_503_with_nothing_accepted_and_both_recover_by_themselves()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "outage-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Events("before", "steady", 4)))).StatusCode);
        await Eventually.AssertAsync(async () => Assert.Equal(4, await ToolCallsAsync(client, "steady")));

        azurite.Stop();
        await Eventually.AssertAsync(async () => Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode), TimeSpan.FromSeconds(60));
        var during = await client.PostAsync("/v1/events", Json(Events("during", "steady", 2)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("storage_unavailable", (string?)JsonNode.Parse(await during.Content.ReadAsStringAsync())!["code"]);
        // A policy storage refused is not enforced: the guard, which answers from memory, keeps the stored one.
        var pause = await client.PutAsync("/v1/agents/steady/policy", new StringContent("""{"paused":true}""", Encoding.UTF8, "application/json"));
        Assert.False(pause.IsSuccessStatusCode, $"{(int)pause.StatusCode}");
        var guard = await client.PostAsync("/v1/guard", new StringContent("""{"agentId":"steady","runId":"r"}""", Encoding.UTF8, "application/json"));
        Assert.True((bool)JsonNode.Parse(await guard.Content.ReadAsStringAsync())!["allow"]!);

        await azurite.StartAgainAsync();
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));
        await Eventually.AssertAsync(async () => Assert.True(
            (await client.PostAsync("/v1/events", Json(Events("during", "steady", 2)))).StatusCode == HttpStatusCode.Accepted, silo.Output), TimeSpan.FromSeconds(60));
        await Eventually.AssertAsync(async () => Assert.Equal(6, await ToolCallsAsync(client, "steady")), TimeSpan.FromSeconds(90));
    }

    private static async Task<string?> SamplingStateAsync(HttpClient client, string runId)
    {
        var response = await client.GetAsync($"/v1/runs/{runId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["sampling"]!["state"];
    }

    private static async Task<int> ToolCallsAsync(HttpClient client, string agent)
    {
        var response = await client.GetAsync($"/v1/agents/{agent}?window=1h");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["metrics"]!["toolCalls"]!;
    }

    private static async Task<List<string>> SnapshotAsync(HttpClient client, IEnumerable<string> paths)
    {
        var snapshot = new List<string>();
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            snapshot.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return snapshot;
    }
}
