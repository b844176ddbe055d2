namespace AgentOps.Dashboard.Security;

/// <summary>The one table of who may do what: viewer reads, operator also acks and silences, admin also edits and audits.</summary>
public static class RolePermissions
{
    /// <summary>The least role that may do <paramref name="action"/>.</summary>
    public static ProjectRole MinimumRole(DashboardAction action) => action switch
    {
        DashboardAction.View => ProjectRole.Viewer,
        DashboardAction.Acknowledge or DashboardAction.Silence => ProjectRole.Operator,
        DashboardAction.EditRules or DashboardAction.EditPolicies or DashboardAction.ReadAudit => ProjectRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown dashboard action."),
    };

    public static bool Allows(this ProjectRole role, DashboardAction action) => role != ProjectRole.None && role >= MinimumRole(action);
}
