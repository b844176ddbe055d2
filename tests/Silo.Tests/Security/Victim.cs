using System.Net;
using System.Net.Http.Json;

namespace AgentOps.Silo.Tests.Security;

/// <summary>A project with one of everything (agent, route, user, run, violation, rule, alert, channel, silence, key), all ids ending in <see cref="Suffix"/>.</summary>
internal sealed record Victim(string Suffix, string Agent, string Route, string User, string Run, string Rule, string Alert, string Channel, string Silence, string Key)
{
    /// <summary>Ids of the same shapes that exist nowhere.</summary>
    public static Victim Nobody()
    {
        var s = Guid.NewGuid().ToString("N")[..10];
        return new Victim(s, "ag-" + s, "rt-" + s, "us-" + s, "run-" + s, "rule-" + s, "alert-" + s, "ch-" + s, "sil-" + s, "key_" + s);
    }

    public static async Task<Victim> SeedAsync(HttpClient admin, DateTimeOffset now)
    {
        var s = Guid.NewGuid().ToString("N")[..10];
        string agent = "ag-" + s, route = "rt-" + s, user = "us-" + s, run = "run-" + s, rule = "rule-" + s, channel = "ch-" + s;
        (await admin.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { writeTargets = new[] { "db:staging.*" } })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/v1/rules/{rule}", new { metric = "toolCalls", window = "5m", op = ">", threshold = 0, scope = "agent", match = agent, severity = "critical" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/v1/channels/{channel}", new { type = "webhook", url = "http://203.0.113.10/hook" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 1.0, retentionDays = 20 })).EnsureSuccessStatusCode();
        await (await admin.PostEventsAsync(
        [
            Ev.Of("run_started", agent, run, now.AddSeconds(-5), route, user),
            Ev.Of("tool_call", agent, run, now.AddSeconds(-4), route, user).With("tool", "sql").With("action", "write").With("target", "db:production.orders"),
            Ev.Of("run_finished", agent, run, now.AddSeconds(-3), route, user).With("outcome", "success"),
        ])).JsonAsync(HttpStatusCode.Accepted);

        string? alert = null;
        await Eventually.AssertAsync(async () =>
        {
            var firing = (await admin.GetJsonAsync($"/v1/alerts?state=firing&ruleId={rule}"))["items"]!.AsArray();
            Assert.Single(firing);
            alert = (string?)firing[0]!["alertId"];
            Assert.NotNull(alert);
            Assert.Single((await admin.GetJsonAsync($"/v1/agents/{agent}/violations"))["items"]!.AsArray());
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/runs/{run}")).StatusCode);
        });
        var silence = (string)(await (await admin.PostAsJsonAsync("/v1/silences", new { matchers = new { entityId = agent }, endsAt = now.AddHours(2) }))
            .JsonAsync(HttpStatusCode.Created))["id"]!;
        var key = (string)(await (await admin.PostAsJsonAsync("/v1/keys", new { role = "read", name = "victim " + s }))
            .JsonAsync(HttpStatusCode.Created))["details"]!["id"]!;
        return new Victim(s, agent, route, user, run, rule, alert!, channel, silence, key);
    }

    /// <summary>What must not change when another project calls with these ids.</summary>
    public static async Task<List<string>> SnapshotAsync(HttpClient admin, Victim v)
    {
        var snapshot = new List<string>();
        foreach (var path in new[]
        {
            $"/v1/agents/{v.Agent}/policy", $"/v1/rules/{v.Rule}", "/v1/settings/trajectories", "/v1/silences", "/v1/keys",
            $"/v1/agents/{v.Agent}/violations", $"/v1/runs/{v.Run}",
        })
        {
            snapshot.Add(path + " " + await admin.GetStringAsync(path));
        }

        var alert = await admin.GetJsonAsync($"/v1/alerts/{v.Alert}");
        snapshot.Add($"alert {alert["state"]} {alert["acknowledgedBy"]}");
        var channel = await admin.GetJsonAsync($"/v1/channels/{v.Channel}");
        snapshot.Add($"channel {channel["type"]} {channel["url"]}");
        snapshot.Add($"toolCalls {(await admin.GetJsonAsync($"/v1/agents/{v.Agent}?window=5m")).Number("metrics.toolCalls")}");
        return snapshot;
    }
}
