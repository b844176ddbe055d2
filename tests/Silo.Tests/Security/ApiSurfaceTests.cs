namespace AgentOps.Silo.Tests.Security;

/// <summary>The security tests' table of calls covers every endpoint, and every endpoint needs a key of a role.</summary>
[Collection(SiloCollection.Name)]
public sealed class ApiSurfaceTests(SiloFactory silo)
{
    [Fact]
    public void Every_v1_endpoint_requires_a_role_and_is_in_the_cross_project_table()
    {
        var endpoints = ApiSurface.Endpoints(silo);

        Assert.All(endpoints, e => Assert.Contains(e.Policy, new[] { "ingest", "read", "admin" }));
        var tabled = CrossProjectCalls.All.Select(c => (c.Method, c.Template)).ToHashSet();
        var missing = endpoints.Where(e => !tabled.Contains((e.Method, e.Pattern))).Select(e => $"{e.Method} {e.Pattern}").ToList();
        Assert.True(missing.Count == 0, "Endpoints without a cross-project test call: " + string.Join(", ", missing));
        Assert.True(endpoints.Count >= 36, $"Only {endpoints.Count} endpoints found; the data source is not the app's.");
    }
}
