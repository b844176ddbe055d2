namespace AgentOps.Dashboard.Security;

/// <summary>A signed-in person: the name shown and audited, and their role per project.</summary>
public sealed record DashboardUser(string Name, ProjectGrants Grants)
{
    /// <summary>Nobody: sees no project.</summary>
    public static DashboardUser Anonymous { get; } = new(string.Empty, ProjectGrants.None);

    public bool IsSignedIn => Name.Length > 0;

    /// <summary>Who the audit log says acted: <c>user:{name}</c>.</summary>
    public string Actor => "user:" + Name;
}
