using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Dashboard.Tests.EndToEnd;

/// <summary>The seed's stories as API.md events, posted through the silo's HTTP API like an agent would.</summary>
public static class Stories
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A whole successful run: start, one model call of the given cost, the tool calls, an eval, finish.</summary>
    public static IEnumerable<Dictionary<string, object?>> Run(string agent, string run, DateTimeOffset start, double costUsd, IEnumerable<string> tools,
        string? route = null, string? user = null, string? version = null, double? eval = null, string model = "gpt-4o")
    {
        yield return Ev.Of("run_started", agent, run, start, route, user).With("agentVersion", version);
        yield return Ev.Of("llm_call", agent, run, start.AddSeconds(1), route, user).With("model", model)
            .With("inputTokens", 12_000).With("cachedInputTokens", 4_000).With("outputTokens", 900).With("costUsd", costUsd).With("latencyMs", 2_100).With("agentVersion", version);
        var second = 2;
        foreach (var tool in tools)
        {
            yield return Ev.Of("tool_call", agent, run, start.AddSeconds(second++), route, user).With("tool", tool).With("action", "read").With("latencyMs", 40);
        }

        if (eval is { } score)
        {
            yield return Ev.Of("eval", agent, run, start.AddSeconds(second++), route, user).With("rubric", "quality").With("score", score);
        }

        yield return Ev.Of("run_finished", agent, run, start.AddSeconds(second), route, user).With("outcome", "success");
    }

    /// <summary>The PR reviewer: $0.10 per review every hour for three days, then ten reviews at $0.25 with prompt v42 in the last hour.</summary>
    public static List<Dictionary<string, object?>> PrReviewer(DateTimeOffset now)
    {
        string[] before = ["read_file", "read_file", "search", "post_comment"];
        string[] after = [.. Enumerable.Repeat("read_file", 9), "search", "post_comment"];
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 72; hour >= 2; hour--)
        {
            events.AddRange(Run("pr-reviewer", $"pr-old-{hour}", now.AddHours(-hour), 0.10, before, "code-review", $"dev-{hour % 3}", "v41", eval: 0.86));
        }

        for (var i = 0; i < 10; i++)
        {
            events.AddRange(Run("pr-reviewer", $"pr-new-{i}", now.AddMinutes(-55 + (i * 5)), 0.25, after, "code-review", $"dev-{i % 3}", "v42", eval: 0.85));
        }

        return events;
    }

    /// <summary>The support agent: evals at 0.9 for two days, then twelve at 0.5 after the routing change.</summary>
    public static List<Dictionary<string, object?>> SupportBot(DateTimeOffset now)
    {
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 48; hour >= 2; hour--)
        {
            for (var i = 0; i < 3; i++)
            {
                events.AddRange(Run("support-bot", $"sup-old-{hour}-{i}", now.AddHours(-hour).AddMinutes(i * 15), 0.02, ["kb_search"], "support-chat", $"user-{(hour * 3) + i:000}", eval: 0.9));
            }
        }

        for (var i = 0; i < 12; i++)
        {
            events.AddRange(Run("support-bot", $"sup-new-{i}", now.AddMinutes(-50 + (i * 4)), 0.01, ["kb_search"], "support-chat", $"user-{i:000}", eval: 0.5, model: "gpt-4o-mini"));
        }

        return events;
    }

    /// <summary>A data-migration run that writes to staging, then tries production and is denied by its sandbox.</summary>
    public static List<Dictionary<string, object?>> MigratorRun(string run, DateTimeOffset start) =>
    [
        Ev.Of("run_started", "data-migrator", run, start, "nightly-migrations", "svc-migrations"),
        Ev.Of("llm_call", "data-migrator", run, start.AddSeconds(1), "nightly-migrations", "svc-migrations").With("model", "claude-sonnet-4").With("inputTokens", 9_000).With("outputTokens", 800),
        Ev.Of("tool_call", "data-migrator", run, start.AddSeconds(2), "nightly-migrations", "svc-migrations").With("tool", "db_write").With("action", "write").With("target", "db:staging.orders"),
        Ev.Of("tool_call", "data-migrator", run, start.AddSeconds(3), "nightly-migrations", "svc-migrations").With("tool", "db_write").With("action", "write")
            .With("target", "db:production.orders").With("status", "denied").With("errorType", "sandbox_denied"),
        Ev.Of("run_finished", "data-migrator", run, start.AddSeconds(4), "nightly-migrations", "svc-migrations").With("outcome", "failure"),
    ];

    /// <summary>A run of <paramref name="agent"/> whose one tool call its sandbox denied: a violation, so <c>tool-outside-allowlist</c> fires at once.</summary>
    public static List<Dictionary<string, object?>> DeniedRun(string agent, string run, DateTimeOffset start) =>
    [
        Ev.Of("run_started", agent, run, start),
        Ev.Of("tool_call", agent, run, start.AddSeconds(1)).With("tool", "shell").With("action", "execute").With("status", "denied"),
        Ev.Of("run_finished", agent, run, start.AddSeconds(2)).With("outcome", "failure"),
    ];

    /// <summary>Gives the migrator its policy (writes to staging only), then answers its run that tries production.</summary>
    public static async Task<List<Dictionary<string, object?>>> MigratorPolicyAndRunAsync(HttpClient client, string run, DateTimeOffset start)
    {
        using var response = await client.PutAsJsonAsync("/v1/agents/data-migrator/policy",
            new { autonomyTier = "staging-only", allowedTools = new[] { "db_read", "db_write", "schema_diff" }, writeTargets = new[] { "db:staging.*" } }, Json);
        Assert.True(response.IsSuccessStatusCode, $"PUT policy answered {(int)response.StatusCode}");
        return MigratorRun(run, start);
    }

    /// <summary>A few steady agents with their history, so the fleet looks like a fleet.</summary>
    public static List<Dictionary<string, object?>> Background(DateTimeOffset now)
    {
        string[] agents = ["docs-qa", "email-triage", "invoice-extractor", "sql-copilot", "meeting-notes", "hr-helpdesk", "code-search", "seo-writer"];
        string[] routes = ["docs", "support-chat", "billing", "analytics", "internal-tools"];
        var random = new Random(7);
        var events = new List<Dictionary<string, object?>>();
        foreach (var (agent, index) in agents.Select((a, i) => (a, i)))
        {
            for (var hour = 24; hour >= 0; hour--)
            {
                var at = now.AddHours(-hour).AddMinutes(-random.Next(2, 50));
                events.AddRange(Run(agent, $"{agent}-{hour}", at, 0.01 + (index * 0.015) + (random.NextDouble() * 0.01), ["search", "http_get"],
                    routes[index % routes.Length], $"user-{random.Next(1, 200):000}", eval: 0.75 + (random.NextDouble() * 0.2)));
            }
        }

        return events;
    }

    public static async Task PostAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var batch in events.Chunk(5_000))
        {
            using var response = await client.PostAsJsonAsync("/v1/events", new { events = batch }, Json);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /v1/events answered {(int)response.StatusCode}: {body}");
        }
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
