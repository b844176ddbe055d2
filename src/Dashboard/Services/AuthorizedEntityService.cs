using AgentOps.Dashboard.Security;
using AgentOps.Entities;
using AgentOps.Policy;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Services;

/// <summary>Agents, routes and users, for people with a role in the project.</summary>
public sealed class AuthorizedEntityService(IEntityService inner, ProjectAccess access) : IEntityService
{
    public Task<EntitySnapshot?> GetSnapshotAsync(string project, EntityKind kind, string id, TimeSpan window)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetSnapshotAsync(project, kind, id, window);
    }

    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string project, EntityKind kind, string id, TimeSpan window)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetSeriesAsync(project, kind, id, window);
    }

    public Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(string project, string agentId, int limit)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetRecentRunsAsync(project, agentId, limit);
    }

    public Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(string project, string agentId, int limit)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetViolationsAsync(project, agentId, limit);
    }

    public IAsyncDisposable Subscribe(string project, EntityKind kind, string id, Action onChanged, Action onResynced)
    {
        access.Demand(project, DashboardAction.View);
        return inner.Subscribe(project, kind, id, onChanged, onResynced);
    }
}
