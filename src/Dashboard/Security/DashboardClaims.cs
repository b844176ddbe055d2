using System.Security.Claims;

namespace AgentOps.Dashboard.Security;

/// <summary>
/// How a <see cref="DashboardUser"/> travels in the sign-in cookie: a name claim and one <c>project=role</c> claim per
/// granted project. Both sign-in modes write the same claims, so everything after sign-in is the same code.
/// </summary>
public static class DashboardClaims
{
    /// <summary>The person's name as shown and audited.</summary>
    public const string Name = "agentops:name";

    /// <summary>A grant, <c>{project}={role}</c> (<c>=</c> cannot occur in a project id).</summary>
    public const string Grant = "agentops:grant";

    /// <summary>Local users: a digest of the password hash, so a changed password ends the sessions made with the old one.</summary>
    public const string Stamp = "agentops:stamp";

    /// <summary>The authentication type of local sign-ins.</summary>
    public const string LocalAuthenticationType = "AgentOps.Local";

    public static string GrantValue(string project, ProjectRole role) => $"{project}={role.Name()}";

    /// <summary>The claims of <paramref name="user"/>, to add to an identity.</summary>
    public static IEnumerable<Claim> For(DashboardUser user)
    {
        yield return new Claim(Name, user.Name);
        foreach (var (project, role) in user.Grants.Roles.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            yield return new Claim(Grant, GrantValue(project, role));
        }
    }

    /// <summary>The dashboard user a principal stands for; anonymous when it was not signed in by the dashboard.</summary>
    public static DashboardUser ToUser(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirst(Name)?.Value is not { Length: > 0 } name)
        {
            return DashboardUser.Anonymous;
        }

        var grants = new List<KeyValuePair<string, ProjectRole>>();
        foreach (var claim in principal.FindAll(Grant))
        {
            var equals = claim.Value.LastIndexOf('=');
            if (equals > 0 && ProjectRoles.TryParse(claim.Value[(equals + 1)..], out var role))
            {
                grants.Add(new(claim.Value[..equals], role));
            }
        }

        return new DashboardUser(name, new ProjectGrants(grants));
    }
}
