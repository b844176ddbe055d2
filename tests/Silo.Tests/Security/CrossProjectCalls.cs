namespace AgentOps.Silo.Tests.Security;

/// <summary>One call of every endpoint, aimed at a project's ids (<see cref="Victim"/>) from another project's key.</summary>
internal sealed record CrossProjectCall(string Method, string Template, Func<Victim, string> Path, Func<Victim, DateTimeOffset, object?>? Body = null)
{
    /// <summary>True when the path names another project's object: the answer must then be the same as for an id that exists nowhere.</summary>
    public bool NamesAnObject => Template.Contains('{', StringComparison.Ordinal);
}

internal static class CrossProjectCalls
{
    public static readonly IReadOnlyList<CrossProjectCall> All =
    [
        new("POST", "/v1/events", _ => "/v1/events", (v, now) => new { events = new[] { Ev.Of("run_started", v.Agent, v.Run, now, v.Route, v.User) } }),
        new("POST", "/v1/traces", _ => "/v1/traces", (_, _) => new { resourceSpans = Array.Empty<object>() }),
        new("POST", "/v1/guard", _ => "/v1/guard", (v, _) => new { agentId = v.Agent, runId = v.Run, tool = "sql", action = "write", target = "db:production.orders" }),
        new("GET", "/v1/agents", _ => "/v1/agents"),
        new("GET", "/v1/agents/{agentId}", v => $"/v1/agents/{v.Agent}"),
        new("GET", "/v1/routes", _ => "/v1/routes"),
        new("GET", "/v1/routes/{routeId}", v => $"/v1/routes/{v.Route}"),
        new("GET", "/v1/users", _ => "/v1/users"),
        new("GET", "/v1/users/{userId}", v => $"/v1/users/{v.User}"),
        new("GET", "/v1/runs/{runId}", v => $"/v1/runs/{v.Run}"),
        new("GET", "/v1/runs/{runId}/steps.jsonl", v => $"/v1/runs/{v.Run}/steps.jsonl"),
        new("GET", "/v1/agents/{agentId}/runs", v => $"/v1/agents/{v.Agent}/runs"),
        new("GET", "/v1/agents/{agentId}/violations", v => $"/v1/agents/{v.Agent}/violations"),
        new("GET", "/v1/agents/{agentId}/policy", v => $"/v1/agents/{v.Agent}/policy"),
        new("PUT", "/v1/agents/{agentId}/policy", v => $"/v1/agents/{v.Agent}/policy", (_, _) => new { paused = true }),
        new("GET", "/v1/rules", _ => "/v1/rules"),
        new("GET", "/v1/rules/{ruleId}", v => $"/v1/rules/{v.Rule}"),
        new("PUT", "/v1/rules/{ruleId}", v => $"/v1/rules/{v.Rule}", (_, _) => new { metric = "costUsd", window = "1h", op = ">", threshold = 1000 }),
        new("DELETE", "/v1/rules/{ruleId}", v => $"/v1/rules/{v.Rule}"),
        new("GET", "/v1/alerts", _ => "/v1/alerts?state=all"),
        new("GET", "/v1/alerts/{alertId}", v => $"/v1/alerts/{v.Alert}"),
        new("POST", "/v1/alerts/{alertId}/ack", v => $"/v1/alerts/{v.Alert}/ack", (_, _) => new { by = "intruder" }),
        new("GET", "/v1/silences", _ => "/v1/silences"),
        new("POST", "/v1/silences", _ => "/v1/silences", (v, now) => new { matchers = new { entityId = v.Agent }, endsAt = now.AddHours(1) }),
        new("DELETE", "/v1/silences/{silenceId}", v => $"/v1/silences/{v.Silence}"),
        new("GET", "/v1/channels", _ => "/v1/channels"),
        new("GET", "/v1/channels/{name}", v => $"/v1/channels/{v.Channel}"),
        new("PUT", "/v1/channels/{name}", v => $"/v1/channels/{v.Channel}", (_, _) => new { type = "webhook", url = "http://203.0.113.20/other" }),
        new("DELETE", "/v1/channels/{name}", v => $"/v1/channels/{v.Channel}"),
        new("GET", "/v1/settings/trajectories", _ => "/v1/settings/trajectories"),
        new("PUT", "/v1/settings/trajectories", _ => "/v1/settings/trajectories", (_, _) => new { sampleRate = 0.5 }),
        new("GET", "/v1/keys", _ => "/v1/keys"),
        new("POST", "/v1/keys", _ => "/v1/keys", (_, _) => new { role = "read" }),
        new("POST", "/v1/keys/{keyId}/rotate", v => $"/v1/keys/{v.Key}/rotate", (_, _) => new { graceMinutes = 0 }),
        new("DELETE", "/v1/keys/{keyId}", v => $"/v1/keys/{v.Key}"),
        new("GET", "/v1/audit", _ => "/v1/audit"),
    ];
}
