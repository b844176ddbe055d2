using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// Checks an open circuit's local session every minute, as the cookie is checked on every request: a user removed from
/// the configuration, or whose password changed, loses the circuit (the layout then sends them to the sign-in page).
/// </summary>
public sealed class LocalCircuitRevalidator(LocalUserDirectory users, ILoggerFactory loggers) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(IsStillValid(users, authenticationState.User));

    public static bool IsStillValid(LocalUserDirectory users, ClaimsPrincipal principal)
    {
        if (principal.Identity?.AuthenticationType != DashboardClaims.LocalAuthenticationType)
        {
            return principal.Identity?.IsAuthenticated == true;
        }

        var name = principal.FindFirst(DashboardClaims.Name)?.Value;
        return name is not null && users.Find(name) is { } user && principal.FindFirst(DashboardClaims.Stamp)?.Value == user.Stamp;
    }
}
