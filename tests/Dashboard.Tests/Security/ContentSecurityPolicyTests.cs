using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Security.Headers;
using Microsoft.AspNetCore.Http;

namespace AgentOps.Dashboard.Tests.Security;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void Scripts_come_only_from_the_dashboard_and_the_nonced_import_map()
    {
        var policy = Directives(ContentSecurityPolicy.For("abc123==", https: false, []));

        Assert.Equal("'self' 'nonce-abc123=='", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.DoesNotContain("unsafe-eval", policy.Values.Aggregate(string.Concat), StringComparison.Ordinal);
        Assert.DoesNotContain("upgrade-insecure-requests", policy.Keys);
    }

    [Fact]
    public void Over_https_requests_are_upgraded_and_entra_sign_out_may_post_to_the_authority()
    {
        var policy = Directives(ContentSecurityPolicy.For("n", https: true, ["https://login.microsoftonline.com"]));

        Assert.Contains("upgrade-insecure-requests", policy.Keys);
        Assert.Equal("'self' https://login.microsoftonline.com", policy["form-action"]);
    }

    [Fact]
    public void The_middleware_writes_every_header_with_a_fresh_nonce_per_request()
    {
        var first = new DefaultHttpContext();
        var second = new DefaultHttpContext();
        var settings = new SecurityHeaderSettings([]);

        SecurityHeadersMiddleware.Apply(first, settings);
        SecurityHeadersMiddleware.Apply(second, settings);

        var headers = first.Response.Headers;
        Assert.Contains($"'nonce-{CspNonce.Of(first)}'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(CspNonce.Of(first), CspNonce.Of(second));
        Assert.Equal("nosniff", headers.XContentTypeOptions);
        Assert.Equal("DENY", headers.XFrameOptions);
        Assert.Equal("same-origin", headers["Referrer-Policy"]);
        Assert.Contains("camera=()", headers["Permissions-Policy"].ToString(), StringComparison.Ordinal);
        Assert.Equal("same-origin", headers["Cross-Origin-Opener-Policy"]);
    }

    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/agents/pr-reviewer?window=24h", "/agents/pr-reviewer?window=24h")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/a\r\nLocation: x", "/")]
    public void After_sign_in_only_a_local_path_is_followed(string? returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Sanitize(returnUrl));

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);
}
