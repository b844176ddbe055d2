namespace AgentOps.Dashboard.Security;

/// <summary>What the dashboard lets a person do in a project; <see cref="RolePermissions"/> says which role each needs.</summary>
public enum DashboardAction
{
    /// <summary>Read the fleet, entities, runs, alerts, silences, rules and policies.</summary>
    View,
    /// <summary>Acknowledge an alert.</summary>
    Acknowledge,
    /// <summary>Create or end a silence.</summary>
    Silence,
    /// <summary>Create, change or delete an alert rule.</summary>
    EditRules,
    /// <summary>Set an agent's autonomy policy.</summary>
    EditPolicies,
    /// <summary>Read the project's audit log.</summary>
    ReadAudit,
}
