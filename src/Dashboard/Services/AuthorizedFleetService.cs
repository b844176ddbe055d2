using AgentOps.Dashboard.Security;
using AgentOps.Entities;
using AgentOps.Fleet;

namespace AgentOps.Dashboard.Services;

/// <summary>The fleet, for people with a role in the project.</summary>
public sealed class AuthorizedFleetService(IFleetService inner, ProjectAccess access) : IFleetService
{
    public Task<IReadOnlyList<EntitySummary>> GetAsync(string project, EntityKind kind)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetAsync(project, kind);
    }

    public IAsyncDisposable Subscribe(string project, Action<IReadOnlyList<EntitySummary>> onChanged, Action onResynced)
    {
        access.Demand(project, DashboardAction.View);
        return inner.Subscribe(project, onChanged, onResynced);
    }
}
