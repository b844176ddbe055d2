using AgentOps.Dashboard.Security;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Services;

/// <summary>Run replays, for people with a role in the project.</summary>
public sealed class AuthorizedRunService(IRunService inner, ProjectAccess access) : IRunService
{
    public Task<RunTrajectory?> GetRunAsync(string project, string runId)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetRunAsync(project, runId);
    }
}
