namespace AgentOps.Dashboard.Security.EntraId;

/// <summary>
/// One mapping (<c>AgentOps:Dashboard:EntraId:RoleMappings:N</c>): a person whose token carries <see cref="Claim"/>, as
/// an app role (<c>roles</c>) or a group object id (<c>groups</c>), has <see cref="Role"/> in <see cref="Project"/>.
/// </summary>
public sealed class EntraRoleMapping
{
    /// <summary>An app role value (e.g. <c>AgentOps.Alpha.Admin</c>) or a group's object id.</summary>
    public string? Claim { get; set; }

    public string? Project { get; set; }

    /// <summary><c>viewer</c>, <c>operator</c> or <c>admin</c>.</summary>
    public string? Role { get; set; }
}
