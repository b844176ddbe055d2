using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Silo.Tests;

/// <summary><c>POST /v1/guard</c>: paused, over budget, off the allowlist, or allowed.</summary>
[Collection(SiloCollection.Name)]
public sealed class GuardTests(SiloFactory silo)
{
    private readonly HttpClient _client = silo.ClientWithKey();
    private readonly string _agent = "guarded-" + Guid.NewGuid().ToString("N")[..6];

    private Task<HttpResponseMessage> GuardAsync(object body) => _client.PostAsJsonAsync("/v1/guard", body);

    private async Task<JsonNode> DecisionAsync(object body) => await (await GuardAsync(body)).JsonAsync(HttpStatusCode.OK);

    private Task PolicyAsync(object policy) => _client.PutAsJsonAsync($"/v1/agents/{_agent}/policy", policy).ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    [Fact]
    public async Task A_paused_agent_is_denied_every_step()
    {
        await PolicyAsync(new { paused = true });
        var decision = await DecisionAsync(new { agentId = _agent, runId = "r1" });
        Assert.False((bool)decision["allow"]!);
        Assert.Contains("paused", (string?)decision["reasons"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_would_exceed_the_run_or_daily_budget_is_denied_with_the_reason()
    {
        await PolicyAsync(new { maxCostPerRunUsd = 2.0, maxDailyCostUsd = 3.0 });
        await _client.PostEventsAsync([Ev.Of("llm_call", _agent, "r1", silo.Clock.GetUtcNow().AddSeconds(-1)).With("model", "gpt-4o").With("costUsd", 1.5)]);
        await Eventually.AssertAsync(async () => Assert.Equal(1.5, (await DecisionAsync(new { agentId = _agent, runId = "r1" })).Number("runCostUsd"), 9));

        Assert.True((bool)(await DecisionAsync(new { agentId = _agent, runId = "r1", estimatedCostUsd = 0.4 }))["allow"]!);
        var overRun = await DecisionAsync(new { agentId = _agent, runId = "r1", estimatedCostUsd = 0.6 });
        Assert.False((bool)overRun["allow"]!);
        Assert.Contains("maxCostPerRunUsd", (string?)overRun["reasons"]![0], StringComparison.Ordinal);
        Assert.Equal(1.5, overRun.Number("dailyCostUsd"), 9);

        var overDay = await DecisionAsync(new { agentId = _agent, runId = "r2", estimatedCostUsd = 1.6 });
        Assert.False((bool)overDay["allow"]!);
        Assert.Contains("maxDailyCostUsd", (string?)overDay["reasons"]![0], StringComparison.Ordinal);
        Assert.Equal(0, overDay.Number("runCostUsd"));
    }

    [Fact]
    public async Task A_step_that_lands_exactly_on_the_budget_is_allowed()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in doubles: the budgets are compared in the nano-dollars costs are counted in.
        await PolicyAsync(new { maxCostPerRunUsd = 0.3, maxDailyCostUsd = 0.3 });
        await _client.PostEventsAsync([Ev.Of("llm_call", _agent, "r1", silo.Clock.GetUtcNow().AddSeconds(-1)).With("model", "gpt-4o").With("costUsd", 0.1)]);
        await Eventually.AssertAsync(async () => Assert.Equal(0.1, (await DecisionAsync(new { agentId = _agent, runId = "r1" })).Number("runCostUsd"), 9));

        var exactly = await DecisionAsync(new { agentId = _agent, runId = "r1", estimatedCostUsd = 0.2 });
        Assert.True((bool)exactly["allow"]!, exactly.ToJsonString());
        var over = await DecisionAsync(new { agentId = _agent, runId = "r1", estimatedCostUsd = 0.200000001 });
        Assert.Equal(2, over["reasons"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_tool_call_the_policy_forbids_is_denied_and_an_allowed_one_goes_on()
    {
        await PolicyAsync(new { allowedTools = new[] { "read_*" }, writeTargets = new[] { "db:staging.*" }, approvalRequiredFor = new[] { "execute" } });
        var offList = await DecisionAsync(new { agentId = _agent, runId = "r1", tool = "send_email" });
        Assert.False((bool)offList["allow"]!);
        Assert.Contains("not in allowedTools", (string?)offList["reasons"]![0], StringComparison.Ordinal);
        Assert.False((bool)(await DecisionAsync(new { agentId = _agent, runId = "r1", tool = "read_db", action = "write", target = "db:production.users" }))["allow"]!);
        Assert.False((bool)(await DecisionAsync(new { agentId = _agent, runId = "r1", tool = "read_shell", action = "execute" }))["allow"]!);
        Assert.True((bool)(await DecisionAsync(new { agentId = _agent, runId = "r1", tool = "read_shell", action = "execute", approved = true }))["allow"]!);

        var allowed = await DecisionAsync(new { agentId = _agent, runId = "r1", tool = "read_file", action = "read" });
        Assert.True((bool)allowed["allow"]!);
        Assert.Empty(allowed["reasons"]!.AsArray());
        Assert.True((bool)allowed["agentKnown"]!);
    }

    [Fact]
    public async Task An_unknown_agent_is_allowed_and_said_to_be_unknown()
    {
        var decision = await DecisionAsync(new { agentId = "never-seen-" + _agent, runId = "r1", tool = "anything" });
        Assert.True((bool)decision["allow"]!);
        Assert.False((bool)decision["agentKnown"]!);
        Assert.Equal(0, decision.Number("runCostUsd"));
    }

    [Fact]
    public async Task Bad_requests_and_wrong_roles_are_refused()
    {
        await (await GuardAsync(new { runId = "r1" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_guard");
        await (await GuardAsync(new { agentId = "a/b", runId = "r1" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_guard");
        await (await GuardAsync(new { agentId = "a", runId = "r1", action = "delete" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_guard");
        await (await GuardAsync(new { agentId = "a", runId = "r1", estimatedCostUsd = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_guard");
        await (await silo.ClientWithKey(SiloFactory.AlphaRead).PostAsJsonAsync("/v1/guard", new { agentId = "a", runId = "r" })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await silo.ClientWithKey(SiloFactory.AlphaIngest).PostAsJsonAsync("/v1/guard", new { agentId = "a", runId = "r" })).StatusCode);
    }
}
