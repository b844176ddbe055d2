namespace AgentOps.Dashboard.Security;

/// <summary>The person using this circuit (one per circuit).</summary>
public interface ICurrentUser
{
    DashboardUser User { get; }

    /// <summary>Raised (on any thread) when the person changes, e.g. when a revalidation ends the session.</summary>
    event Action? Changed;
}
