using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Silo.Tests.Security;

/// <summary>
/// Object-level authorization (OWASP API1): a key of one project calls every endpoint with another project's ids. It
/// gets the same answer as for ids that exist nowhere (so it cannot even learn that they exist), its lists never show
/// the other project's objects, and the other project's data is unchanged afterwards.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class CrossProjectTests(SiloFactory silo)
{
    [Fact]
    public async Task A_key_of_another_project_can_neither_read_nor_change_nor_detect_anything_on_any_endpoint()
    {
        using var owner = silo.IsolatedProjectClient();
        using var intruder = silo.ClientWithKey(SiloFactory.BetaAdmin);
        var victim = await Victim.SeedAsync(owner, silo.Clock.GetUtcNow());
        var before = await Victim.SnapshotAsync(owner, victim);

        var nobody = Victim.Nobody(); // the same unknown ids throughout, so both sequences of calls meet the same state

        // Reads first: until the intruder writes, nothing of its own carries the victim's ids, so they must not appear at all.
        foreach (var call in CrossProjectCalls.All.OrderBy(c => c.Method == "GET" ? 0 : 1))
        {
            var (victimStatus, victimBody) = await SendAsync(intruder, call, victim);
            var (nobodyStatus, nobodyBody) = await SendAsync(intruder, call, nobody);
            var name = $"{call.Method} {call.Template}";

            Assert.True(victimStatus < 500, $"{name} answered {victimStatus}: {victimBody}");
            if (call.Method == "GET")
            {
                Assert.DoesNotContain(victim.Suffix, call.NamesAnObject ? Redact(victimBody, victim) : victimBody, StringComparison.Ordinal);
            }

            if (call.NamesAnObject)
            {
                Assert.True(victimStatus == nobodyStatus, $"{name}: {victimStatus} for the other project's id but {nobodyStatus} for an unknown one");
                Assert.Equal(Code(nobodyBody), Code(victimBody));
            }
        }

        Assert.Equal(before, await Victim.SnapshotAsync(owner, victim));
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, CrossProjectCall call, Victim ids)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path(ids));
        if (call.Body?.Invoke(ids, DateTimeOffset.UtcNow) is { } body)
        {
            request.Content = JsonContent.Create(body, options: Api.Json);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A 404 names the id it looked for; that echo of the intruder's own request reveals nothing.</summary>
    private static string Redact(string body, Victim ids) =>
        new[] { ids.Agent, ids.Route, ids.User, ids.Run, ids.Rule, ids.Alert, ids.Channel, ids.Silence, ids.Key }
            .Aggregate(body, (text, id) => text.Replace(id, "<id>", StringComparison.Ordinal));

    private static string? Code(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem ? (string?)problem["code"] : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
