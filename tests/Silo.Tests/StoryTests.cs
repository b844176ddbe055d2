using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Silo.Tests;

/// <summary>The seed's stories, end to end through the HTTP API.</summary>
[Collection(SiloCollection.Name)]
public sealed class StoryTests(SiloFactory silo)
{
    private readonly HttpClient _client = silo.ClientWithKey();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    private async Task PostAllAsync(IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var batch in events.Chunk(500))
        {
            var body = await (await _client.PostEventsAsync(batch)).JsonAsync(HttpStatusCode.Accepted);
            Assert.Equal(batch.Length, (int)body["accepted"]!);
        }
    }

    private async Task<JsonNode> WaitForAsync(string path, Func<JsonNode, bool> ready)
    {
        JsonNode? last = null;
        await Eventually.AssertAsync(async () =>
        {
            var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.JsonAsync(HttpStatusCode.OK);
            Assert.True(ready(last), last.ToJsonString());
        });
        return last!;
    }

    [Fact]
    public async Task A_pr_reviewer_whose_reviews_got_dearer_shows_it_in_the_hour_and_the_exact_blend_over_the_week()
    {
        var agent = $"pr-reviewer-{_suffix}";
        var route = $"code-review-{_suffix}";
        string[] before = ["read_file", "read_file", "search", "post_comment"];
        string[] after = [.. Enumerable.Repeat("read_file", 9), "search", "post_comment"];
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 72; hour >= 2; hour--)
        {
            events.AddRange(Ev.Run(agent, $"old-{_suffix}-{hour}", Now.AddHours(-hour), 0.10, before, route, $"u-{_suffix}-{hour % 3}"));
        }

        for (var i = 0; i < 10; i++)
        {
            events.AddRange(Ev.Run(agent, $"new-{_suffix}-{i}", Now.AddMinutes(-55 + (i * 5)), 0.25, after, route, $"new-user-{_suffix}-{i % 2}"));
        }

        await PostAllAsync(events);

        var hour1 = await WaitForAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.runsSucceeded") == 10);
        Assert.Equal(0.25, hour1.Number("metrics.costPerSuccessfulRun"), 12);
        Assert.Equal(11, hour1.Number("metrics.toolCallsPerRun"));
        Assert.Equal(90, hour1.Number("byTool.read_file.calls"));
        Assert.Equal("1h", (string?)hour1["window"]);
        Assert.Equal("agent", (string?)hour1["kind"]);

        var week = await WaitForAsync($"/v1/agents/{agent}?window=7d", s => s.Number("metrics.runsSucceeded") == 81);
        Assert.Equal(((71 * 0.10) + (10 * 0.25)) / 81, week.Number("metrics.costPerSuccessfulRun"), 12);
        Assert.Equal(((71 * 4) + (10 * 11)) / 81.0, week.Number("metrics.toolCallsPerRun"), 12);
        Assert.Equal((71 * 2) + 90, week.Number("byTool.read_file.calls"));

        var routeHour = await WaitForAsync($"/v1/routes/{route}?window=1h", s => s.Number("metrics.runsSucceeded") == 10);
        Assert.Equal(0.25, routeHour.Number("metrics.costPerSuccessfulRun"), 12);
        Assert.Equal(11, routeHour.Number("metrics.toolCallsPerRun"));
        foreach (var user in new[] { $"new-user-{_suffix}-0", $"new-user-{_suffix}-1" })
        {
            var userHour = await WaitForAsync($"/v1/users/{user}?window=1h", s => s.Number("metrics.runsSucceeded") == 5);
            Assert.Equal(0.25, userHour.Number("metrics.costPerSuccessfulRun"), 12);
            Assert.Equal(11, userHour.Number("metrics.toolCallsPerRun"));
        }
    }

    [Fact]
    public async Task A_data_migration_agent_writing_to_production_records_exactly_the_violations_it_committed()
    {
        var agent = $"data-migrator-{_suffix}";
        var route = $"migrations-{_suffix}";
        var user = $"dba-{_suffix}";
        var policy = new { allowedTools = new[] { "db_read", "db_write" }, writeTargets = new[] { "db:staging.*" } };
        (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", policy)).EnsureSuccessStatusCode();

        var denied = Ev.Of("tool_call", agent, "mig-1", Now.AddSeconds(-20), route, user)
            .With("tool", "db_write").With("action", "write").With("target", "db:production.users").With("status", "denied");
        var allowedWrite = Ev.Of("tool_call", agent, "mig-1", Now.AddSeconds(-19), route, user)
            .With("tool", "db_write").With("action", "write").With("target", "db:staging.users");
        var read = Ev.Of("tool_call", agent, "mig-1", Now.AddSeconds(-18), route, user).With("tool", "db_read").With("action", "read");
        await PostAllAsync([denied, allowedWrite, read]);

        var violations = await WaitForAsync($"/v1/agents/{agent}/violations", v => v["items"]!.AsArray().Count == 1);
        var record = violations["items"]![0]!;
        Assert.Equal((string?)denied["id"], (string?)record["eventId"]);
        Assert.Equal("mig-1", (string?)record["runId"]);
        Assert.Equal("db_write", (string?)record["tool"]);
        Assert.Equal("write", (string?)record["action"]);
        Assert.Equal("db:production.users", (string?)record["target"]);
        Assert.Contains("writeTargets", (string?)record["reason"], StringComparison.Ordinal);
        Assert.Contains("sandbox", (string?)record["reason"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty((string?)record["at"]));

        foreach (var path in new[] { $"/v1/agents/{agent}", $"/v1/routes/{route}", $"/v1/users/{user}" })
        {
            await WaitForAsync(path, s => s.Number("metrics.violations") == 1);
        }

        await PostAllAsync([Ev.Of("tool_call", agent, "mig-1", Now.AddSeconds(-10), route, user).With("tool", "shell_exec").With("action", "execute")]);
        var two = await WaitForAsync($"/v1/agents/{agent}/violations", v => v["items"]!.AsArray().Count == 2);
        Assert.Contains("not in allowedTools", (string?)two["items"]![0]!["reason"], StringComparison.Ordinal);
        foreach (var path in new[] { $"/v1/agents/{agent}", $"/v1/routes/{route}", $"/v1/users/{user}" })
        {
            await WaitForAsync(path, s => s.Number("metrics.violations") == 2);
        }
    }

    [Fact]
    public async Task Retry_and_error_rates_are_exact_and_re_posting_a_batch_changes_nothing()
    {
        var agent = $"flaky-{_suffix}";
        var batch = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 20; i++)
        {
            var call = Ev.Of(i % 2 == 0 ? "llm_call" : "tool_call", agent, $"r-{_suffix}-{i % 4}", Now.AddSeconds(-i))
                .With(i % 2 == 0 ? "model" : "tool", i % 2 == 0 ? "gpt-4o-mini" : "http_get")
                .With("attempt", i < 5 ? 2 : 1)                        // 5 retries
                .With("status", i is >= 5 and < 8 ? "error" : "ok");  // 3 errors
            batch.Add(call);
        }

        var first = await (await _client.PostEventsAsync(batch)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(20, (int)first["accepted"]!);
        Assert.Equal(0, (int)first["duplicates"]!);
        var state = await WaitForAsync($"/v1/agents/{agent}?window=5m", s => s.Number("metrics.llmCalls") + s.Number("metrics.toolCalls") == 20);
        Assert.Equal(0.25, state.Number("metrics.retryRate"));
        Assert.Equal(0.15, state.Number("metrics.errorRate"));

        var again = await (await _client.PostEventsAsync(batch)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(0, (int)again["accepted"]!);
        Assert.Equal(20, (int)again["duplicates"]!);
        await Task.Delay(300); // a wrongly counted copy would show within a few flushes
        var unchanged = await _client.GetJsonAsync($"/v1/agents/{agent}?window=5m");
        Assert.Equal(state["metrics"]!.ToJsonString(), unchanged["metrics"]!.ToJsonString());
    }
}
