using System.Security.Claims;
using System.Text.Encodings.Web;
using AgentOps.Silo.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> with the <see cref="KeyResolver"/>;
/// answers 401 and 403 as problem+json.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    KeyResolver keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.FindAsync(presented) is not { } found)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(Roles.ProjectClaim, found.Project), new Claim(ClaimTypes.Role, found.Role), new Claim(Roles.KeyIdClaim, found.KeyId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var presented = PresentedKey(Request) is { Length: > 0 };
        return Problems.Create(
                StatusCodes.Status401Unauthorized,
                presented ? ProblemCodes.InvalidKey : ProblemCodes.Unauthorized,
                presented ? "The API key is not valid." : "An API key is required.",
                presented ? "The key is unknown, revoked or expired." : "Send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        return Problems.Create(
                StatusCodes.Status403Forbidden,
                ProblemCodes.Forbidden,
                "The key's role does not allow this.",
                $"A key with role '{role}' may not call {Request.Method} {Request.Path}.")
            .ExecuteAsync(Context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Headers.TryGetValue("X-Api-Key", out var key) ? key.ToString().Trim() : null;
    }
}
