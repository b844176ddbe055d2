namespace AgentOps.Dashboard.Security;

/// <summary>
/// A service was asked for something the signed-in person's role does not allow. Pages never offer such actions; this
/// is the server-side refusal behind the hidden buttons.
/// </summary>
public sealed class ProjectAccessDeniedException(string project, DashboardAction action)
    : Exception($"Not allowed: {action} in project '{project}' needs a role the signed-in user does not have there.")
{
    public string Project { get; } = project;

    public DashboardAction Action { get; } = action;
}
