namespace AgentOps.Dashboard.Security;

/// <summary>
/// The enforcement point: the Orleans client trusts the dashboard, so every service call checks the signed-in person's
/// role in the project here before it reaches a grain.
/// </summary>
public sealed class ProjectAccess(ICurrentUser current)
{
    public DashboardUser User => current.User;

    public ProjectRole RoleIn(string project) => current.User.Grants.RoleIn(project);

    public bool Can(string project, DashboardAction action) => current.User.Grants.Allows(project, action);

    /// <summary>Throws <see cref="ProjectAccessDeniedException"/> unless the person may do <paramref name="action"/> in <paramref name="project"/>.</summary>
    public void Demand(string project, DashboardAction action)
    {
        if (!Can(project, action))
        {
            throw new ProjectAccessDeniedException(project, action);
        }
    }
}
