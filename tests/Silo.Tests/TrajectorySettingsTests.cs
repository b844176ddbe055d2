using System.Net;
using System.Net.Http.Json;

namespace AgentOps.Silo.Tests;

/// <summary><c>GET/PUT /v1/settings/trajectories</c> and what sampling then does to the runs of the project.</summary>
[Collection(SiloCollection.Name)]
public sealed class TrajectorySettingsTests(SiloFactory silo)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    [Fact]
    public async Task A_project_starts_on_the_configured_defaults_and_a_put_fills_left_out_fields_with_them()
    {
        using var client = silo.IsolatedProjectClient();
        var initial = await client.GetJsonAsync("/v1/settings/trajectories");
        Assert.Equal(1.0, initial.Number("sampleRate")); // SiloFactory configures 1
        Assert.Equal(14, initial.Number("retentionDays"));

        var saved = await (await client.PutAsJsonAsync("/v1/settings/trajectories", new { retentionDays = 30, agentSampleRates = new Dictionary<string, double> { ["noisy"] = 0.01 } }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1.0, saved.Number("sampleRate"));
        Assert.Equal(30, saved.Number("retentionDays"));
        Assert.Equal(0.01, saved.Number("agentSampleRates.noisy"));
        Assert.Equal(saved.ToJsonString(), (await client.GetJsonAsync("/v1/settings/trajectories")).ToJsonString());
    }

    [Fact]
    public async Task Bad_settings_get_a_400_naming_every_problem_and_change_nothing()
    {
        using var client = silo.IsolatedProjectClient();
        var before = (await client.GetJsonAsync("/v1/settings/trajectories")).ToJsonString();

        var problem = await (await client.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 1.5, retentionDays = 0, agentSampleRates = new Dictionary<string, double> { ["bad#id"] = 0.5 } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_settings");
        var detail = (string)problem["detail"]!;
        Assert.Contains("sampleRate", detail);
        Assert.Contains("retentionDays", detail);
        Assert.Contains("agentSampleRates", detail);
        await (await client.PutAsync("/v1/settings/trajectories", new StringContent("{\"sampleRate\":", System.Text.Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_settings");
        Assert.Equal(before, (await client.GetJsonAsync("/v1/settings/trajectories")).ToJsonString());
    }

    [Fact]
    public async Task Only_an_admin_key_changes_settings()
    {
        using var reader = silo.ClientWithKey(SiloFactory.AlphaRead);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/settings/trajectories")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 0.0 })).StatusCode);
    }

    [Fact]
    public async Task At_rate_zero_an_ordinary_run_keeps_only_its_totals_while_a_failed_run_keeps_its_steps()
    {
        using var client = silo.IsolatedProjectClient();
        (await client.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 0.0 })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // the silo's settings cache refreshes every 100 ms here

        await client.PostEventsAsync(Ev.Run("sampler", $"ok-{_suffix}", Now.AddMinutes(-1), 0.01, ["search"]));
        await client.PostEventsAsync(Ev.Run("sampler", $"bad-{_suffix}", Now.AddMinutes(-1), 0.01, ["search"], outcome: "failure"));

        await Eventually.AssertAsync(async () =>
        {
            var ok = await client.GetJsonAsync($"/v1/runs/ok-{_suffix}");
            Assert.Equal("dropped", (string?)ok["sampling"]!["state"]);
            Assert.Null(ok["steps"]);
            Assert.Equal("sampled", (string?)ok["stepsDropped"]);
            Assert.Equal(1, ok.Number("toolCalls"));
            var bad = await client.GetJsonAsync($"/v1/runs/bad-{_suffix}");
            Assert.Equal("kept", (string?)bad["sampling"]!["state"]);
            Assert.Equal("failed", (string?)bad["sampling"]!["reason"]);
            Assert.Equal(4, bad["steps"]!.AsArray().Count);
        });
        await (await client.GetAsync($"/v1/runs/ok-{_suffix}/steps.jsonl")).ProblemAsync(HttpStatusCode.NotFound, "steps_not_kept");
        var lines = (await client.GetStringAsync($"/v1/runs/bad-{_suffix}/steps.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["run_started", "llm_call", "tool_call", "run_finished"], lines.Select(l => (string?)System.Text.Json.Nodes.JsonNode.Parse(l)!["type"]));
    }
}
