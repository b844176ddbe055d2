using System.Net;
using System.Net.Http.Json;

namespace AgentOps.Silo.Tests.Security;

/// <summary>Server-side request forgery (OWASP API7): channels cannot point notifications at internal addresses.</summary>
[Collection(SiloCollection.Name)]
public sealed class SsrfTests(SiloFactory silo)
{
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]      // cloud instance metadata
    [InlineData("http://[::ffff:169.254.169.254]/")]               // the same, IPv4-mapped
    [InlineData("http://2852039166/")]                             // the same, as one decimal number
    [InlineData("http://168.63.129.16/machine")]                  // Azure platform address
    [InlineData("http://127.0.0.2:8080/")]                         // loopback (only 127.0.0.1 is allowed in these tests)
    [InlineData("http://[::1]/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://10.0.0.5/hook")]                           // private ranges
    [InlineData("http://172.16.3.4/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("http://100.64.0.1/hook")]                         // carrier-grade NAT
    [InlineData("http://[fd00:ec2::254]/")]                        // AWS metadata over IPv6 (unique local)
    [InlineData("http://[fe80::1]/")]
    public async Task A_channel_aimed_at_an_internal_address_is_refused(string url)
    {
        using var admin = silo.IsolatedProjectClient();
        var problem = await (await admin.PutAsJsonAsync("/v1/channels/internal", new { type = "webhook", url })).ProblemAsync(HttpStatusCode.BadRequest, "forbidden_target");
        Assert.Contains("AllowedTargets", (string)problem["detail"]!, StringComparison.Ordinal);
        await (await admin.GetAsync("/v1/channels/internal")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_public_address_and_an_allowed_internal_one_are_accepted()
    {
        using var admin = silo.IsolatedProjectClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/v1/channels/public", new { type = "webhook", url = "https://203.0.113.7/hook" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/v1/channels/allowed", new { type = "webhook", url = "http://127.0.0.1:9/hook" })).StatusCode);
    }

    [Fact]
    public async Task A_channel_answers_its_url_without_the_parts_that_are_credentials()
    {
        using var admin = silo.IsolatedProjectClient();
        (await admin.PutAsJsonAsync("/v1/channels/chat", new { type = "slack", url = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/v1/channels/pager", new { type = "webhook", url = "https://203.0.113.8/hook?token=s3cr3t-t0k3n&team=ops" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/v1/channels/bare", new { type = "webhook", url = "https://203.0.113.9/h?S3CRETB4RE&team=ops" })).EnsureSuccessStatusCode();

        Assert.Equal("https://hooks.slack.com/services/***", (string?)(await admin.GetJsonAsync("/v1/channels/chat"))["url"]);
        Assert.Equal("https://203.0.113.8/hook?token=***&team=***", (string?)(await admin.GetJsonAsync("/v1/channels/pager"))["url"]);
        Assert.Equal("https://203.0.113.9/h?***&team=***", (string?)(await admin.GetJsonAsync("/v1/channels/bare"))["url"]);
        var all = await admin.GetStringAsync("/v1/channels");
        Assert.DoesNotContain("s3cr3t", all, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CRETB4RE", all, StringComparison.Ordinal);
    }
}
