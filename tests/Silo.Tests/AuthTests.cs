using System.Net;
using System.Net.Http.Json;

namespace AgentOps.Silo.Tests;

/// <summary>Keys, roles and projects (API.md "Identity and keys").</summary>
[Collection(SiloCollection.Name)]
public sealed class AuthTests(SiloFactory silo)
{
    private readonly string _agent = "agent-" + Guid.NewGuid().ToString("N")[..8];

    private object Event() => Ev.Of("run_started", _agent, "run-1", silo.Clock.GetUtcNow());

    [Fact]
    public async Task A_request_without_a_key_is_a_401()
    {
        await (await silo.ClientWithKey(null).GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_unknown_key_is_a_401_in_either_header()
    {
        await (await silo.ClientWithKey("not-a-key-of-anyone-000").GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_key");
        var client = silo.ClientWithKey(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key-of-anyone-000");
        await (await client.GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_key");
    }

    [Fact]
    public async Task The_x_api_key_header_works()
    {
        var client = silo.ClientWithKey(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AlphaRead);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/agents")).StatusCode);
    }

    [Fact]
    public async Task A_key_used_outside_its_role_is_a_403()
    {
        var read = silo.ClientWithKey(SiloFactory.AlphaRead);
        await (await read.PostEventsAsync([Event()])).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await read.PutAsJsonAsync($"/v1/agents/{_agent}/policy", new { paused = true })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var ingest = silo.ClientWithKey(SiloFactory.AlphaIngest);
        await (await ingest.GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await ingest.PutAsJsonAsync($"/v1/agents/{_agent}/policy", new { paused = true })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Accepted, (await ingest.PostEventsAsync([Event()])).StatusCode);
    }

    [Fact]
    public async Task Another_projects_data_answers_404_as_if_it_did_not_exist()
    {
        var alpha = silo.ClientWithKey(SiloFactory.AlphaAdmin);
        var beta = silo.ClientWithKey(SiloFactory.BetaAdmin);
        var run = "run-" + Guid.NewGuid().ToString("N")[..8];
        await (await alpha.PostEventsAsync([Ev.Of("run_started", _agent, run, silo.Clock.GetUtcNow(), "route-x", "user-x")])).JsonAsync(HttpStatusCode.Accepted);
        (await alpha.PutAsJsonAsync($"/v1/agents/{_agent}/policy", new { paused = true })).EnsureSuccessStatusCode();
        await Eventually.AssertAsync(async () => Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/v1/agents/{_agent}")).StatusCode));
        await Eventually.AssertAsync(async () => Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/v1/runs/{run}")).StatusCode));

        foreach (var path in new[] { $"/v1/agents/{_agent}", "/v1/routes/route-x", "/v1/users/user-x", $"/v1/runs/{run}", $"/v1/agents/{_agent}/runs", $"/v1/agents/{_agent}/violations", $"/v1/agents/{_agent}/policy" })
        {
            await (await beta.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        var betaAgents = await beta.GetJsonAsync("/v1/agents");
        Assert.DoesNotContain(betaAgents["items"]!.AsArray(), item => (string?)item!["id"] == _agent);
    }

    [Fact]
    public async Task Health_endpoints_need_no_key()
    {
        var anonymous = silo.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }
}
