namespace AgentOps.Dashboard.Security;

/// <summary>What a person may do in one project; each role includes the ones below it.</summary>
public enum ProjectRole
{
    /// <summary>No access: the project does not exist for this person.</summary>
    None = 0,
    /// <summary>Reads everything of the project.</summary>
    Viewer = 1,
    /// <summary>A viewer who also acknowledges alerts and creates and ends silences.</summary>
    Operator = 2,
    /// <summary>An operator who also edits rules and policies and reads the audit log.</summary>
    Admin = 3,
}

/// <summary>The configuration names of <see cref="ProjectRole"/>: <c>viewer</c>, <c>operator</c>, <c>admin</c>.</summary>
public static class ProjectRoles
{
    public static string Name(this ProjectRole role) => role switch
    {
        ProjectRole.Viewer => "viewer",
        ProjectRole.Operator => "operator",
        ProjectRole.Admin => "admin",
        _ => "none",
    };

    /// <summary>Reads <c>viewer</c>, <c>operator</c> or <c>admin</c> (any case); anything else is not a role.</summary>
    public static bool TryParse(string? text, out ProjectRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            "viewer" => ProjectRole.Viewer,
            "operator" => ProjectRole.Operator,
            "admin" => ProjectRole.Admin,
            _ => ProjectRole.None,
        };
        return role != ProjectRole.None;
    }
}
