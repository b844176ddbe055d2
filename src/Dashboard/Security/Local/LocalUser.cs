using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>A validated local user: name, password hash and role per project.</summary>
public sealed record LocalUser(string Name, string PasswordHash, ProjectGrants Grants)
{
    /// <summary>A digest of the password hash: sessions made before a password change no longer match it.</summary>
    public string Stamp { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PasswordHash)))[..16];

    public DashboardUser ToDashboardUser() => new(Name, Grants);

    /// <summary>The principal kept in the session cookie.</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var identity = new ClaimsIdentity(DashboardClaims.LocalAuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, Name));
        identity.AddClaims(DashboardClaims.For(ToDashboardUser()));
        identity.AddClaim(new Claim(DashboardClaims.Stamp, Stamp));
        return new ClaimsPrincipal(identity);
    }
}
