using System.Net.Http.Json;

namespace AgentOps.Silo.Tests.Security;

/// <summary>
/// Function-level authorization (OWASP API5): every endpoint called with a key of every role. A role below the
/// endpoint's answers 403 (an ingest key on admin endpoints, a read key on writes); a role at or above it gets past.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class RoleTests(SiloFactory silo)
{
    [Theory]
    [InlineData("ingest")]
    [InlineData("read")]
    [InlineData("admin")]
    public async Task Every_endpoint_refuses_a_role_below_its_own_with_403_and_lets_its_own_through(string role)
    {
        // The admin calls change project settings: they go to a project of their own.
        using var client = role switch { "ingest" => silo.ClientWithKey(SiloFactory.AlphaIngest), "read" => silo.ClientWithKey(SiloFactory.AlphaRead), _ => silo.IsolatedProjectClient() };
        var nobody = Victim.Nobody();
        var policies = ApiSurface.Endpoints(silo).ToDictionary(e => (e.Method, e.Pattern), e => e.Policy);
        foreach (var call in CrossProjectCalls.All)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path(nobody));
            if (call.Body?.Invoke(nobody, silo.Clock.GetUtcNow()) is { } body)
            {
                request.Content = JsonContent.Create(body, options: Api.Json);
            }

            using var response = await client.SendAsync(request);
            var allowed = role == "admin" || role == policies[(call.Method, call.Template)];
            var name = $"{role} key on {call.Method} {call.Template}";
            if (allowed)
            {
                Assert.True((int)response.StatusCode is not (401 or 403), $"{name}: {(int)response.StatusCode}");
            }
            else
            {
                await response.ProblemAsync(System.Net.HttpStatusCode.Forbidden, "forbidden");
            }
        }
    }
}
