using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// Checks a local session on every request against the configured users: a removed user or a changed password ends it,
/// changed project roles apply at once (the cookie is rewritten).
/// </summary>
public static class LocalSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.AuthenticationType != DashboardClaims.LocalAuthenticationType)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<LocalUserDirectory>();
        var user = users.Find(context.Principal.FindFirst(DashboardClaims.Name)?.Value ?? string.Empty);
        if (user is null || !LocalCircuitRevalidator.IsStillValid(users, context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        var current = DashboardClaims.ToUser(context.Principal);
        if (!SameGrants(current.Grants, user.Grants))
        {
            context.ReplacePrincipal(user.ToPrincipal());
            context.ShouldRenew = true;
        }
    }

    private static bool SameGrants(ProjectGrants a, ProjectGrants b) =>
        a.Roles.Count == b.Roles.Count && a.Roles.All(r => b.RoleIn(r.Key) == r.Value);
}
