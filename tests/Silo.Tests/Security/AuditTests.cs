using System.Net;
using System.Net.Http.Json;

namespace AgentOps.Silo.Tests.Security;

/// <summary>The audit log: every admin action, who did it and when, only to the project's admins.</summary>
[Collection(SiloCollection.Name)]
public sealed class AuditTests(SiloFactory silo)
{
    [Fact]
    public async Task Admin_actions_are_recorded_with_the_acting_key_newest_first_and_failed_ones_are_not()
    {
        using var admin = silo.IsolatedProjectClient();
        (await admin.PutAsJsonAsync("/v1/rules/spend", new { metric = "costUsd", op = ">", threshold = 5 })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/v1/agents/bot/policy", new { paused = true })).EnsureSuccessStatusCode();
        await (await admin.PutAsJsonAsync("/v1/rules/broken", new { metric = "nonsense" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_rule");
        var silence = (string)(await (await admin.PostAsJsonAsync("/v1/silences", new { matchers = new { entityId = "bot" }, endsAt = silo.Clock.GetUtcNow().AddHours(1) }))
            .JsonAsync(HttpStatusCode.Created))["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1/rules/spend")).StatusCode);

        var entries = (await admin.GetJsonAsync("/v1/audit"))["items"]!.AsArray();
        Assert.Equal(
            ["rule.delete rule/spend", $"silence.create silence/{silence}", "policy.put policy/bot", "rule.put rule/spend"],
            entries.Select(e => $"{e!["action"]} {e["target"]}"));
        var actor = (string)entries[0]!["actor"]!;
        Assert.Matches("^key:cfg-[0-9a-f]{10}$", actor);
        Assert.Equal(actor, (string?)(await admin.GetJsonAsync("/v1/silences"))["items"]!.AsArray().Single()!["createdBy"]);

        var onlyRules = (await admin.GetJsonAsync("/v1/audit?action=rule.put"))["items"]!.AsArray();
        Assert.Equal("rule/spend", (string?)Assert.Single(onlyRules)!["target"]);
        var page = await admin.GetJsonAsync("/v1/audit?limit=2");
        var next = await admin.GetJsonAsync($"/v1/audit?limit=2&cursor={page["nextCursor"]}");
        Assert.Equal(["policy.put", "rule.put"], next["items"]!.AsArray().Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log_and_only_their_own_projects()
    {
        await (await silo.ClientWithKey(SiloFactory.AlphaRead).GetAsync("/v1/audit")).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var one = silo.IsolatedProjectClient();
        using var other = silo.IsolatedProjectClient();
        (await one.PutAsJsonAsync("/v1/rules/mine", new { metric = "costUsd", op = ">", threshold = 5 })).EnsureSuccessStatusCode();
        Assert.Empty((await other.GetJsonAsync("/v1/audit"))["items"]!.AsArray());
    }
}
