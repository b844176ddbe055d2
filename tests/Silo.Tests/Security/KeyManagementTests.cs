using System.Net;
using System.Net.Http.Json;
using AgentOps.Keys;

namespace AgentOps.Silo.Tests.Security;

/// <summary>Managed keys (OWASP API2): shown once, listed by prefix only, rotated with a grace period, revoked at once, audited.</summary>
[Collection(SiloCollection.Name)]
public sealed class KeyManagementTests(SiloFactory silo)
{
    [Fact]
    public async Task A_made_key_works_in_its_role_and_is_never_shown_again()
    {
        using var admin = silo.IsolatedProjectClient();
        var created = await (await admin.PostAsJsonAsync("/v1/keys", new { role = "read", name = "grafana" })).JsonAsync(HttpStatusCode.Created);
        var key = (string)created["key"]!;
        var id = (string)created["details"]!["id"]!;
        Assert.StartsWith("aok_", key, StringComparison.Ordinal);
        Assert.Equal(key[..12], (string?)created["details"]!["prefix"]);

        using var reader = silo.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/agents")).StatusCode);
        await (await reader.PutAsJsonAsync("/v1/rules/x", new { metric = "costUsd", op = ">", threshold = 1 })).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var list = await admin.GetStringAsync("/v1/keys");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..20], list, StringComparison.Ordinal);
        var listed = (await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray().Single(k => (string?)k!["id"] == id)!;
        Assert.Equal("active", (string?)listed["state"]);
        Assert.Equal("grafana", (string?)listed["name"]);
        Assert.Contains((await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray(), k => (string?)k!["source"] == "configuration");
    }

    [Fact]
    public async Task Rotation_gives_a_new_key_and_the_old_one_stops_after_its_grace_and_revocation_stops_a_key_at_once()
    {
        using var admin = silo.IsolatedProjectClient();
        var first = await (await admin.PostAsJsonAsync("/v1/keys", new { role = "ingest" })).JsonAsync(HttpStatusCode.Created);
        var oldKey = (string)first["key"]!;
        var oldId = (string)first["details"]!["id"]!;

        var graceful = await (await admin.PostAsJsonAsync($"/v1/keys/{oldId}/rotate", new { graceMinutes = 60 })).JsonAsync(HttpStatusCode.Created);
        var second = (string)graceful["key"]!;
        await (await admin.PostAsJsonAsync($"/v1/keys/{oldId}/rotate", new { graceMinutes = 60 })).ProblemAsync(HttpStatusCode.Conflict, "key_rotated");
        Assert.Equal("ingest", (string?)graceful["details"]!["role"]);
        Assert.Equal(HttpStatusCode.Accepted, (await silo.ClientWithKey(oldKey).PostEventsAsync([Ev.Of("run_started", "a", "r", silo.Clock.GetUtcNow())])).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await silo.ClientWithKey(second).PostEventsAsync([Ev.Of("run_started", "a", "r2", silo.Clock.GetUtcNow())])).StatusCode);

        var secondId = (string)graceful["details"]!["id"]!;
        var third = (string)(await (await admin.PostAsJsonAsync($"/v1/keys/{secondId}/rotate", new { graceMinutes = 0 })).JsonAsync(HttpStatusCode.Created))["key"]!;
        await (await silo.ClientWithKey(second).GetAsync("/v1/agents")).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_key");
        await (await admin.PostAsJsonAsync($"/v1/keys/{secondId}/rotate", new { })).ProblemAsync(HttpStatusCode.NotFound, "not_found");

        var thirdId = (await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray().Single(k => (string?)k!["prefix"] == third[..12])!["id"]!.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/keys/{thirdId}")).StatusCode);
        await (await silo.ClientWithKey(third).PostEventsAsync([Ev.Of("run_started", "a", "r3", silo.Clock.GetUtcNow())])).ProblemAsync(HttpStatusCode.Unauthorized, "invalid_key");
        var states = (await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray().Where(k => (string?)k!["source"] == "api").ToDictionary(k => (string)k!["id"]!, k => (string)k!["state"]!);
        Assert.Equal("active", states[oldId]); // still inside its hour of grace
        Assert.Equal("expired", states[secondId]);
        Assert.Equal("revoked", states[thirdId]);

        var actions = (await admin.GetJsonAsync("/v1/audit?limit=10"))["items"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        Assert.Equal(["key.revoke", "key.rotate", "key.rotate", "key.create"], actions);
    }

    [Fact]
    public async Task Rotations_count_against_the_keys_in_use_so_they_cannot_pile_up_through_grace_periods()
    {
        using var admin = silo.IsolatedProjectClient();
        var id = (string)(await (await admin.PostAsJsonAsync("/v1/keys", new { role = "read" })).JsonAsync(HttpStatusCode.Created))["details"]!["id"]!;
        for (var i = 1; i < ApiKeyDirectoryGrain.MaxKeysPerProject; i++)
        {
            id = (string)(await (await admin.PostAsJsonAsync($"/v1/keys/{id}/rotate", new { graceMinutes = 10080 })).JsonAsync(HttpStatusCode.Created))["details"]!["id"]!;
        }

        await (await admin.PostAsJsonAsync($"/v1/keys/{id}/rotate", new { graceMinutes = 10080 })).ProblemAsync(HttpStatusCode.Conflict, "too_many_keys");
        await (await admin.PostAsJsonAsync("/v1/keys", new { role = "read" })).ProblemAsync(HttpStatusCode.Conflict, "too_many_keys");
        Assert.Equal(ApiKeyDirectoryGrain.MaxKeysPerProject, (await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray().Count(k => (string?)k!["source"] == "api" && (string?)k["state"] == "active"));
    }

    [Fact]
    public async Task Configured_keys_cannot_be_revoked_through_the_api_and_bad_requests_are_refused()
    {
        using var admin = silo.IsolatedProjectClient();
        var configured = (string)(await admin.GetJsonAsync("/v1/keys"))["items"]!.AsArray().First(k => (string?)k!["source"] == "configuration")!["id"]!;
        await (await admin.DeleteAsync($"/v1/keys/{configured}")).ProblemAsync(HttpStatusCode.Conflict, "key_configured");
        await (await admin.PostAsJsonAsync("/v1/keys", new { role = "root" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_key_request");
        await (await admin.PostAsJsonAsync("/v1/keys", new { role = "read", expiresInDays = 0 })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_key_request");
        await (await admin.DeleteAsync("/v1/keys/key_0000")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/agents")).StatusCode); // the configured key still works
    }
}
