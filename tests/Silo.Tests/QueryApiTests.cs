using System.Net;
using System.Net.Http.Json;
using AgentOps.Runs;

namespace AgentOps.Silo.Tests;

/// <summary>Live state, lists, runs, policy and violations endpoints.</summary>
[Collection(SiloCollection.Name)]
public sealed class QueryApiTests(SiloFactory silo)
{
    private readonly HttpClient _client = silo.ClientWithKey();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    [Fact]
    public async Task An_unknown_entity_is_a_404_and_a_bad_id_or_window_a_400()
    {
        await (await _client.GetAsync($"/v1/agents/nobody-{_suffix}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/v1/routes/nothing-{_suffix}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync($"/v1/users/no-one-{_suffix}")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.GetAsync("/v1/agents/bad%23id")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_id");
        await (await _client.GetAsync($"/v1/agents/x?window=8d")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_window");
        await (await _client.GetAsync($"/v1/agents/x?window=soon")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_window");
        await (await _client.GetAsync("/v1/agents?limit=0")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_limit");
        await (await _client.GetAsync("/v1/agents?limit=1001")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_limit");
        await (await _client.GetAsync("/v1/agents?cursor=%%%")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        await (await _client.GetAsync("/v1/runs/nope-" + _suffix)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Every_served_window_answers_with_its_name()
    {
        var agent = $"windowed-{_suffix}";
        await _client.PostEventsAsync(Ev.Run(agent, $"r-{_suffix}", Now.AddMinutes(-2), 0.5, ["search"]));
        await Eventually.AssertAsync(async () => Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/v1/agents/{agent}")).StatusCode));
        foreach (var window in new[] { "5m", "1h", "24h", "7d", "30s", "90m" })
        {
            var state = await _client.GetJsonAsync($"/v1/agents/{agent}?window={window}");
            Assert.Equal(window, (string?)state["window"]);
        }

        Assert.Equal("1h", (string?)(await _client.GetJsonAsync($"/v1/agents/{agent}"))["window"]);
    }

    [Fact]
    public async Task Lists_page_through_every_entity_with_a_cursor()
    {
        var agents = Enumerable.Range(0, 7).Select(i => $"lister-{_suffix}-{i}").ToList();
        var events = agents.SelectMany((a, i) => Ev.Run(a, $"lr-{_suffix}-{i}", Now.AddMinutes(-1), 0.01 * (i + 1), [], $"lroute-{_suffix}", $"luser-{_suffix}-{i}")).ToList();
        await _client.PostEventsAsync(events);

        var seen = new List<string>();
        await Eventually.AssertAsync(async () =>
        {
            seen.Clear();
            string? cursor = null;
            do
            {
                var page = await _client.GetJsonAsync($"/v1/agents?limit=3&window=5m{(cursor is null ? "" : "&cursor=" + cursor)}");
                var items = page["items"]!.AsArray();
                Assert.InRange(items.Count, 0, 3);
                seen.AddRange(items.Select(i => (string)i!["id"]!));
                foreach (var item in items.OfType<System.Text.Json.Nodes.JsonNode>().Where(i => ((string)i["id"]!).StartsWith($"lister-{_suffix}", StringComparison.Ordinal)))
                {
                    Assert.Equal(1, item.Number("metrics.runsFinished"));
                    Assert.Equal(0, (int)item["firingAlerts"]!);
                }

                cursor = (string?)page["next"];
            }
            while (cursor is not null);
            Assert.Equal(agents, seen.Where(id => id.StartsWith($"lister-{_suffix}", StringComparison.Ordinal)));
            Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        });

        var routes = await _client.GetJsonAsync("/v1/routes?limit=1000");
        Assert.Contains(routes["items"]!.AsArray(), r => (string?)r!["id"] == $"lroute-{_suffix}");
        var users = await _client.GetJsonAsync("/v1/users?limit=1000");
        Assert.Equal(7, users["items"]!.AsArray().Count(u => ((string)u!["id"]!).StartsWith($"luser-{_suffix}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_run_answers_its_steps_in_event_time_order_and_the_agent_lists_its_runs_newest_first()
    {
        var agent = $"runner-{_suffix}";
        var steps = Ev.Run(agent, $"run-a-{_suffix}", Now.AddMinutes(-10), 0.2, ["read_file", "write_file"], "r", "u").ToList();
        steps.Reverse();
        await _client.PostEventsAsync(steps);
        await _client.PostEventsAsync(Ev.Run(agent, $"run-b-{_suffix}", Now.AddMinutes(-5), 0.3, [], "r", "u"));

        var run = await WaitRunAsync($"run-a-{_suffix}", 5);
        Assert.Equal(agent, (string?)run["agentId"]);
        Assert.Equal("r", (string?)run["routeId"]);
        Assert.Equal("u", (string?)run["userId"]);
        Assert.Equal("success", (string?)run["status"]);
        Assert.Equal(0.2, run.Number("costUsd"), 12);
        Assert.Equal(2, run.Number("toolCalls"));
        Assert.Equal(1200, run.Number("inputTokens"));
        var types = run["steps"]!.AsArray().Select(s => (string?)s!["type"]).ToList();
        Assert.Equal(["run_started", "llm_call", "tool_call", "tool_call", "run_finished"], types);
        Assert.Equal("gpt-4o", (string?)run["steps"]![1]!["model"]);
        Assert.Equal("read_file", (string?)run["steps"]![2]!["tool"]);
        Assert.Null(run["stepsDropped"]);

        await Eventually.AssertAsync(async () =>
        {
            var runs = (await _client.GetJsonAsync($"/v1/agents/{agent}/runs"))["items"]!.AsArray();
            Assert.Equal([$"run-b-{_suffix}", $"run-a-{_suffix}"], runs.Select(r => (string?)r!["runId"]));
            Assert.Null(runs[0]!["steps"]);
            Assert.Equal(0.3, runs[0]!.Number("costUsd"), 12);
        });
        Assert.Single((await _client.GetJsonAsync($"/v1/agents/{agent}/runs?limit=1"))["items"]!.AsArray());
        await (await _client.GetAsync($"/v1/agents/ghost-{_suffix}/runs")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_run_stored_while_quiet_is_reopened_by_its_next_events()
    {
        // A run may wait longer than the shard's idle limit, e.g. on a person's approval, and then go on.
        var agent = $"waiter-{_suffix}";
        var runId = $"run-w-{_suffix}";
        await _client.PostEventsAsync([
            Ev.Of("run_started", agent, runId, Now.AddSeconds(-2)),
            Ev.Of("llm_call", agent, runId, Now.AddSeconds(-1)).With("model", "gpt-4o").With("costUsd", 0.2),
        ]);
        await WaitRunAsync(runId, 2);

        silo.Clock.Advance(TrajectoryShardGrain.IdleAfter + TimeSpan.FromMinutes(1));
        await WaitAsync($"/v1/runs/{runId}", r => (string?)r["sampling"]?["reason"] == "open");

        await _client.PostEventsAsync([
            Ev.Of("llm_call", agent, runId, Now.AddSeconds(-2)).With("model", "gpt-4o").With("costUsd", 0.5),
            Ev.Of("run_finished", agent, runId, Now.AddSeconds(-1)).With("outcome", "success"),
        ]);
        var run = await WaitAsync($"/v1/runs/{runId}", r => (string?)r["status"] == "success" && (string?)r["sampling"]?["state"] != "pending");
        Assert.Equal(0.7, run.Number("costUsd"), 12);
        Assert.Equal(2, run.Number("llmCalls"));
        Assert.Equal(["run_started", "llm_call", "llm_call", "run_finished"], run["steps"]!.AsArray().Select(s => (string?)s!["type"]));
    }

    [Fact]
    public async Task A_policy_round_trips_and_bad_policies_are_rejected()
    {
        var agent = $"governed-{_suffix}";
        var policy = new
        {
            autonomyTier = "staging-only",
            allowedTools = new[] { "read_*", "search" },
            deniedTools = new[] { "drop_table" },
            writeTargets = new[] { "db:staging.*" },
            approvalRequiredFor = new[] { "write", "execute" },
            maxCostPerRunUsd = 2.0,
            maxDailyCostUsd = 100.0,
            paused = false,
        };
        var put = await (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", policy)).JsonAsync(HttpStatusCode.OK);
        var got = await _client.GetJsonAsync($"/v1/agents/{agent}/policy");
        Assert.Equal(put.ToJsonString(), got.ToJsonString());
        Assert.Equal("staging-only", (string?)got["autonomyTier"]);
        Assert.Equal(["write", "execute"], got["approvalRequiredFor"]!.AsArray().Select(a => (string?)a));
        Assert.Empty((await _client.GetJsonAsync($"/v1/agents/{agent}/violations"))["items"]!.AsArray());

        await (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { approvalRequiredFor = new[] { "delete" } })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");
        await (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { maxCostPerRunUsd = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");
        await (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { allowedTools = new[] { "" } })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");
        await (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { paused = "yes" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");
        await (await _client.PutAsync($"/v1/agents/{agent}/policy", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");
        Assert.Equal("staging-only", (string?)(await _client.GetJsonAsync($"/v1/agents/{agent}/policy"))["autonomyTier"]);
        await (await _client.GetAsync($"/v1/agents/unknown-{_suffix}/policy")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Cost_is_priced_from_the_table_when_the_event_gives_none()
    {
        var agent = $"priced-{_suffix}";
        var call = Ev.Of("llm_call", agent, "r", Now.AddSeconds(-1)).With("model", "gpt-4o-2024-08-06")
            .With("inputTokens", 1_000_000).With("cachedInputTokens", 400_000).With("outputTokens", 100_000);
        var unknown = Ev.Of("llm_call", agent, "r", Now.AddSeconds(-1)).With("model", "in-house-7b").With("inputTokens", 10);
        var own = Ev.Of("llm_call", agent, "r", Now.AddSeconds(-1)).With("model", "gpt-4o").With("inputTokens", 10).With("costUsd", 0.5);
        await _client.PostEventsAsync([call, unknown, own]);

        var state = await WaitAsync($"/v1/agents/{agent}?window=5m", s => s.Number("metrics.llmCalls") == 3);
        Assert.Equal(3.0 + 0.5, state.Number("metrics.costUsd"), 9); // 600k x 2.50 + 400k x 1.25 + 100k x 10, per 1M
        Assert.Equal(1, state.Number("metrics.unpricedCalls"));
        Assert.Equal(400_000, state.Number("metrics.cachedInputTokens"));
        Assert.Equal(3.0, state.Number("byModel.gpt-4o-2024-08-06.costUsd"), 9);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_contract_path()
    {
        var doc = await silo.ClientWithKey(null).GetJsonAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[]
        {
            "/v1/events", "/v1/agents", "/v1/agents/{agentId}", "/v1/routes", "/v1/routes/{routeId}", "/v1/users", "/v1/users/{userId}",
            "/v1/runs/{runId}", "/v1/agents/{agentId}/runs", "/v1/agents/{agentId}/policy", "/v1/agents/{agentId}/violations",
        })
        {
            Assert.Contains(path, paths);
        }

        // The three kinds share one mapping; each still declares its id under API.md's name.
        foreach (var (path, id) in new[] { ("/v1/agents/{agentId}", "agentId"), ("/v1/routes/{routeId}", "routeId"), ("/v1/users/{userId}", "userId") })
        {
            var parameters = doc["paths"]![path]!["get"]!["parameters"]!.AsArray();
            Assert.Contains(parameters, p => (string?)p!["name"] == id && (string?)p["in"] == "path");
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_the_errors_every_call_and_every_json_body_can_get()
    {
        var doc = await silo.ClientWithKey(null).GetJsonAsync("/openapi/v1.json");
        IEnumerable<string> Codes(string path, string method) => doc["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key);

        Assert.Superset(new HashSet<string> { "401", "403", "429" }, Codes("/v1/agents", "get").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "413", "401", "403", "429" }, Codes("/v1/guard", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "400", "413", "404", "409" }, Codes("/v1/keys/{keyId}/rotate", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "400", "404" }, Codes("/v1/rules/{ruleId}", "get").ToHashSet());
    }

    private Task<System.Text.Json.Nodes.JsonNode> WaitRunAsync(string runId, int steps) =>
        WaitAsync($"/v1/runs/{runId}", r => r["steps"]?.AsArray().Count == steps);

    private async Task<System.Text.Json.Nodes.JsonNode> WaitAsync(string path, Func<System.Text.Json.Nodes.JsonNode, bool> ready)
    {
        System.Text.Json.Nodes.JsonNode? last = null;
        await Eventually.AssertAsync(async () =>
        {
            var response = await _client.GetAsync(path);
            last = await response.JsonAsync(HttpStatusCode.OK);
            Assert.True(ready(last), last.ToJsonString());
        });
        return last!;
    }
}
