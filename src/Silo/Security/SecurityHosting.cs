using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>Registers API-key authentication and the role policies.</summary>
public static class SecurityHosting
{
    public static WebApplicationBuilder AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddSingleton<KeyRing>();
        builder.Services.AddSingleton<ManagedKeyCache>();
        builder.Services.AddSingleton<KeyResolver>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Ingest, p => p.RequireRole(Roles.Ingest, Roles.Admin))
            .AddPolicy(Roles.Read, p => p.RequireRole(Roles.Read, Roles.Admin))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    /// <summary>Who made the request, for the audit log: <c>key:{keyId}</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => "key:" + (user.FindFirstValue(Roles.KeyIdClaim) ?? "unknown");

    /// <summary>The project of the authenticated key.</summary>
    public static string Project(this ClaimsPrincipal user) =>
        user.FindFirstValue(Roles.ProjectClaim) ?? throw new InvalidOperationException("The request is not authenticated with a project key.");
}
