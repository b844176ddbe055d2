using System.Net;
using System.Text;

namespace AgentOps.Silo.Tests.Security;

/// <summary>Resource limits (OWASP API4): oversize and deeply nested bodies, long keys, and per-key rate limits.</summary>
[Collection(SiloCollection.Name)]
public sealed class LimitTests(SiloFactory silo)
{
    [Fact]
    public async Task Oversize_documents_get_a_413_and_deeply_nested_ones_a_400()
    {
        using var admin = silo.IsolatedProjectClient();
        var huge = "{\"metric\":\"costUsd\",\"op\":\">\",\"threshold\":1,\"labels\":{\"x\":\"" + new string('a', 100_000) + "\"}}";
        await (await admin.PutAsync("/v1/rules/big", new StringContent(huge, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        var deep = "{\"allowedTools\":" + new string('[', 500) + new string(']', 500) + "}";
        await (await admin.PutAsync("/v1/agents/deep/policy", new StringContent(deep, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_policy");

        var deepEvent = "{\"events\":[{\"id\":\"e1\",\"type\":\"run_started\",\"agentId\":\"a\",\"runId\":\"r\",\"attributes\":" + new string('[', 200) + new string(']', 200) + "}]}";
        var response = await admin.PostAsync("/v1/events", new StringContent(deepEvent, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await (await admin.PostAsync("/v1/events", new StringContent("{\"events\":[]}" + new string(' ', 6 * 1024 * 1024), Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task A_chunked_body_without_a_declared_length_is_cut_off_at_the_limit_too()
    {
        using var admin = silo.IsolatedProjectClient();
        var padding = new string(' ', 200_000);
        await (await admin.PutAsync("/v1/rules/chunked", new UnsizedContent("{\"metric\":\"costUsd\",\"op\":\">\",\"threshold\":1}" + padding)))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await admin.PostAsync("/v1/guard", new UnsizedContent("{\"agentId\":\"a\",\"runId\":\"r\",\"tool\":\"t\"}" + padding)))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await (await admin.GetAsync("/v1/rules/chunked")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Nesting_deeper_than_16_levels_is_refused_even_where_the_document_ignores_the_field()
    {
        using var admin = silo.IsolatedProjectClient();
        var deep = "{\"metric\":\"costUsd\",\"op\":\">\",\"threshold\":1,\"extra\":" + new string('[', 20) + new string(']', 20) + "}";
        var problem = await (await admin.PutAsync("/v1/rules/deep", new StringContent(deep, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_rule");
        Assert.Contains("depth", (string)problem["detail"]!, StringComparison.OrdinalIgnoreCase);
        var shallow = "{\"metric\":\"costUsd\",\"op\":\">\",\"threshold\":1,\"extra\":" + new string('[', 10) + new string(']', 10) + "}";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync("/v1/rules/shallow", new StringContent(shallow, Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task An_overlong_key_is_refused_without_being_looked_up()
    {
        await (await silo.ClientWithKey(new string('k', 10_000)).GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_key");
    }

    [Fact]
    public async Task A_flood_from_one_project_gets_429_with_retry_after_while_another_project_keeps_working()
    {
        using var flood = silo.ClientWithKey(SiloFactory.FloodAdmin); // 10 requests per second, burst 10
        using var steady = silo.ClientWithKey(SiloFactory.AlphaRead);

        var floodTask = Task.WhenAll(Enumerable.Range(0, 60).Select(_ => flood.GetAsync("/v1/agents")));
        var steadyStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            steadyStatuses.Add((await steady.GetAsync("/v1/agents")).StatusCode);
        }

        var flooded = await floodTask;
        Assert.All(steadyStatuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var refused = flooded.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 30, 50); // at most the burst (plus a refill or two) gets through
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        await refused[0].ProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}

/// <summary>A JSON body that does not say how long it is (sent chunked), as a client streaming its body would.</summary>
internal sealed class UnsizedContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnsizedContent(string json)
    {
        _bytes = Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
