using System.Net;
using System.Text.RegularExpressions;
using AgentOps.Dashboard.Components.Account;
using AgentOps.Dashboard.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Logging;

namespace AgentOps.Dashboard.Tests.Security;

/// <summary>The whole HTTP pipeline of the dashboard: redirects to sign-in, the sign-in form, cookies, headers, 404s.</summary>
public sealed partial class SignInPipelineTests : IClassFixture<SignInPipelineTests.App>
{
    private readonly App _app;

    public SignInPipelineTests(App app) => _app = app;

    [Theory]
    [InlineData("/", "%2F")]
    [InlineData("/agents/pr-reviewer?window=24h", "%2Fagents%2Fpr-reviewer%3Fwindow%3D24h")]
    [InlineData("/audit", "%2Faudit")]
    [InlineData("/no-such-page", "%2Fno-such-page")]
    public async Task Every_page_without_sign_in_redirects_to_the_sign_in_page(string path, string returnUrl)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl={returnUrl}", response.Headers.Location!.PathAndQuery);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/app.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Static_files_and_the_liveness_probe_need_no_sign_in(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_circuit_cannot_start_without_sign_in()
    {
        using var client = Client();

        using var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_carries_the_headers_and_a_script_nonce_matching_its_policy()
    {
        using var client = Client();

        using var response = await client.GetAsync("/account/sign-in");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        var nonce = NonceOf(response);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "<script(?![^>]*src=)", RegexOptions.IgnoreCase)); // the import map is the only inline script
        Assert.Contains("name=\"UserName\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Strict-Transport-Security", response.Headers.ToString(), StringComparison.Ordinal); // Development
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = Client();
        await client.GetAsync("/account/sign-in");

        using var response = await client.PostAsync("/account/sign-in", Form(("_handler", "sign-in"), ("UserName", "ana"), ("Password", DashboardApp.AnasPassword)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(CookiesOf(response), c => c.StartsWith(SignInHosting.CookieName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_generic_answer()
    {
        using var client = Client();

        var wrongPassword = await SignInAsync(client, "victor", "not the password");
        var unknownUser = await SignInAsync(client, "nobody-at-all", "not the password");

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(SignInPage.RefusedMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(CookiesOf(response), c => c.StartsWith(SignInHosting.CookieName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_lax_cookie_and_goes_back_where_the_person_was_going()
    {
        using var client = Client(https: true);

        using var response = await SignInAsync(client, "ana", DashboardApp.AnasPassword, "/agents/pr-reviewer");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agents/pr-reviewer", response.Headers.Location!.PathAndQuery);
        var session = Assert.Single(CookiesOf(response), c => c.StartsWith(SignInHosting.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", session, StringComparison.Ordinal);
        Assert.Contains("secure", session, StringComparison.Ordinal);
        Assert.Contains("upgrade-insecure-requests", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var page = await client.GetAsync("/agents/pr-reviewer");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_opening_the_sign_in_page_goes_on_to_the_dashboard()
    {
        using var client = Client();
        await SignInAsync(client, "victor", DashboardApp.VictorsPassword);

        using var response = await client.GetAsync("/account/sign-in?ReturnUrl=%2Falerts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alerts", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Over_plain_http_the_session_cookie_is_not_marked_secure()
    {
        using var client = Client();

        using var response = await SignInAsync(client, "victor", DashboardApp.VictorsPassword);

        var session = Assert.Single(CookiesOf(response), c => c.StartsWith(SignInHosting.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", session, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_return_address_never_leads_to_another_site()
    {
        using var client = Client();

        using var response = await SignInAsync(client, "victor", DashboardApp.VictorsPassword, "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_projects_address_answers_not_found_for_a_signed_in_person()
    {
        using var client = Client();
        await SignInAsync(client, "victor", DashboardApp.VictorsPassword);

        using var own = await client.GetAsync("/agents/pr-reviewer?project=default");
        using var other = await client.GetAsync("/agents/agent-00001?project=fleet10k");
        using var unknown = await client.GetAsync("/agents/agent-00001?project=no-such-project");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync() is { Length: > 0 }, await other.Content.ReadAsStringAsync() is { Length: > 0 });
    }

    [Fact]
    public async Task Repeated_failures_lock_the_user_name_out_even_for_the_right_password()
    {
        using var client = Client();
        for (var i = 0; i < 3; i++)
        {
            await SignInAsync(client, "lockout-probe", "wrong");
        }

        // The probe name is not a user: the lockout answer is the same for real and unknown names.
        using var locked = await SignInAsync(client, "lockout-probe", "wrong");
        Assert.Contains(SignInPage.LockedOutMessage, await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_needs_the_token_and_ends_the_session()
    {
        var cookies = new CookieContainer();
        using var client = _app.Dashboard.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        await SignInAsync(client, "ana", DashboardApp.AnasPassword);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The page hands its token to the circuit inside the protected component state; the test makes the same token.
        var token = _app.Dashboard.TokenFor("ana", cookies.GetCookieHeader(new Uri("http://localhost")));

        using var forged = await client.PostAsync(SignInHosting.SignOutPath, Form());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var signOut = await client.PostAsync(SignInHosting.SignOutPath, Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/sign-in?signedOut=true", signOut.Headers.Location!.OriginalString);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Outside_development_hsts_is_sent_over_https_and_without_users_nobody_signs_in()
    {
        await using var production = new DashboardApp(environment: "Production", withUsers: false);
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });

        using var page = await client.GetAsync("/account/sign-in");
        Assert.Contains("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        using var dev = await SignInAsync(client, "dev", "anything at all");
        Assert.Contains(SignInPage.RefusedMessage, await dev.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(production.Logs.GetSnapshot(), r => r.Level == LogLevel.Critical && r.Message.Contains("nobody can sign in", StringComparison.Ordinal));
    }

    private HttpClient Client(bool https = false) => _app.Dashboard.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(https ? "https://dashboard.example" : "http://localhost"),
    });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string? returnUrl = null)
    {
        var address = "/account/sign-in" + (returnUrl is null ? string.Empty : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        using var page = await client.GetAsync(address);
        var token = TokenOf(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(address, Form(("_handler", "sign-in"), ("__RequestVerificationToken", token), ("UserName", user), ("Password", password)));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string TokenOf(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token in the page.");

    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private static string NonceOf(HttpResponseMessage response) =>
        Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy").Single());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>One in-memory dashboard for the class (Development, two users).</summary>
    public sealed class App : IDisposable
    {
        public DashboardApp Dashboard { get; } = new();

        public void Dispose() => Dashboard.Dispose();
    }
}
