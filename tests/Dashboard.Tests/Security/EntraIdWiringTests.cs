using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AgentOps.Dashboard.Tests.Security;

/// <summary>
/// The EntraId mode wired as in Azure, with the authority's metadata given to the handler instead of downloaded (there
/// is no network to Entra here): pages send the person to Entra's authorize endpoint, and the sign-out form may reach it.
/// </summary>
public sealed class EntraIdWiringTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string Client = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private static DashboardApp EntraApp() => new(
        withUsers: false,
        settings: new Dictionary<string, string>
        {
            ["AgentOps:Dashboard:SignIn:Mode"] = "EntraId",
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = Tenant,
            ["AzureAd:ClientId"] = Client,
            ["AzureAd:CallbackPath"] = "/signin-oidc",
            ["AgentOps:Dashboard:EntraId:RoleMappings:0:Claim"] = "AgentOps.Default.Admin",
            ["AgentOps:Dashboard:EntraId:RoleMappings:0:Project"] = "default",
            ["AgentOps:Dashboard:EntraId:RoleMappings:0:Role"] = "admin",
        },
        services: s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
            {
                Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0",
                AuthorizationEndpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/authorize",
                TokenEndpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/token",
                EndSessionEndpoint = $"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/logout",
            })));

    [Fact]
    public async Task A_page_without_sign_in_goes_to_entra_ids_authorize_endpoint_for_this_app()
    {
        await using var app = EntraApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });

        using var response = await client.GetAsync("/alerts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/authorize?", location, StringComparison.Ordinal);
        Assert.Contains($"client_id={Client}", location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=https%3A%2F%2Fdashboard.example%2Fsignin-oidc", location, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.microsoftonline.com", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_offers_microsoft_sign_in_instead_of_a_password()
    {
        await using var app = EntraApp();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });

        var html = await client.GetStringAsync("/account/sign-in?ReturnUrl=%2Faudit");
        using var challenge = await client.GetAsync($"{SignInHosting.EntraSignInPath}?returnUrl=%2Faudit");

        Assert.Contains("data-testid=\"sign-in-entra\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Password\"", html, StringComparison.Ordinal);
        Assert.StartsWith($"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/authorize?", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validated_entra_token_gets_the_dashboards_name_and_project_roles()
    {
        await using var app = EntraApp();
        app.CreateClient().Dispose();
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Body = new MemoryStream();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("preferred_username", "ana@contoso.com"), new Claim(ClaimTypes.Role, "AgentOps.Default.Admin"), new Claim("tid", Tenant), new Claim("oid", "0001")],
            "AuthenticationTypes.Federation"));
        var context = new TokenValidatedContext(http, scheme, options, principal, new AuthenticationProperties())
        {
            ProtocolMessage = new OpenIdConnectMessage(),
            SecurityToken = new JwtSecurityToken(),
        };

        await options.Events.OnTokenValidated(context);

        var user = DashboardClaims.ToUser(context.Principal);
        Assert.Equal("user:ana@contoso.com", user.Actor);
        Assert.Equal(ProjectRole.Admin, user.Grants.RoleIn("default"));
    }

    [Fact]
    public async Task Missing_app_registration_settings_stop_the_start_with_the_keys_to_set()
    {
        await using var app = new DashboardApp(withUsers: false, settings: new Dictionary<string, string> { ["AgentOps:Dashboard:SignIn:Mode"] = "EntraId" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("AzureAd:Instance, AzureAd:TenantId, AzureAd:ClientId", error.ToString(), StringComparison.Ordinal);
    }
}
