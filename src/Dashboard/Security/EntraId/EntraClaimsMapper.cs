using System.Security.Claims;
using AgentOps.Entities;

namespace AgentOps.Dashboard.Security.EntraId;

/// <summary>
/// Turns the claims of an Entra ID token into a <see cref="DashboardUser"/>: its app roles (<c>roles</c>) and groups
/// (<c>groups</c>) are looked up in the configured <see cref="EntraRoleMapping"/>s; the strongest role per project wins.
/// </summary>
public sealed class EntraClaimsMapper
{
    /// <summary>App roles: the raw claim, and the name the OpenID Connect handler maps it to.</summary>
    public static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];

    public const string GroupClaimType = "groups";

    /// <summary>The claims that name a person, best first (UPN or e-mail, display name, object id).</summary>
    public static readonly string[] NameClaimTypes =
        ["preferred_username", ClaimTypes.Upn, ClaimTypes.Email, "name", ClaimTypes.Name, "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    private readonly Dictionary<string, List<KeyValuePair<string, ProjectRole>>> _byClaim = new(StringComparer.Ordinal);

    public EntraClaimsMapper(EntraIdOptions options)
    {
        var (mappings, errors) = Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("AgentOps:Dashboard:EntraId:RoleMappings is misconfigured:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        foreach (var (claim, project, role) in mappings)
        {
            if (!_byClaim.TryGetValue(claim, out var grants))
            {
                _byClaim[claim] = grants = [];
            }

            grants.Add(new(project, role));
        }
    }

    /// <summary>The mappings as (claim, project, role), and what is wrong with the others.</summary>
    public static (IReadOnlyList<(string Claim, string Project, ProjectRole Role)> Mappings, IReadOnlyList<string> Errors) Validate(EntraIdOptions options)
    {
        var mappings = new List<(string, string, ProjectRole)>();
        var errors = new List<string>();
        for (var i = 0; i < options.RoleMappings.Count; i++)
        {
            var mapping = options.RoleMappings[i];
            var where = $"AgentOps:Dashboard:EntraId:RoleMappings:{i}";
            if (string.IsNullOrWhiteSpace(mapping.Claim))
            {
                errors.Add($"{where}:Claim must name an app role value or a group object id");
            }
            else if (mapping.Project is null || !EntityIds.IsValid(mapping.Project))
            {
                errors.Add($"{where}:Project must be a valid project id");
            }
            else if (!ProjectRoles.TryParse(mapping.Role, out var role))
            {
                errors.Add($"{where}:Role must be viewer, operator or admin");
            }
            else
            {
                mappings.Add((mapping.Claim.Trim(), mapping.Project, role));
            }
        }

        return (mappings, errors);
    }

    /// <summary>The dashboard user of a signed-in Entra principal (with no grant when nothing maps).</summary>
    public DashboardUser Map(ClaimsPrincipal principal)
    {
        var name = NameClaimTypes.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
        var values = principal.Claims
            .Where(c => c.Type == GroupClaimType || RoleClaimTypes.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => c.Value)
            .Distinct(StringComparer.Ordinal);
        var grants = values.SelectMany(v => _byClaim.GetValueOrDefault(v) ?? []);
        return new DashboardUser(name.Trim(), new ProjectGrants(grants));
    }

    /// <summary>Adds the dashboard's claims (<see cref="DashboardClaims"/>) to the principal's identity.</summary>
    public void AddDashboardClaims(ClaimsPrincipal principal)
    {
        var user = Map(principal);
        if (user.IsSignedIn && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaims(DashboardClaims.For(user));
        }
    }
}
