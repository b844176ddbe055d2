using AgentOps.Entities;
using AgentOps.Policy;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Services;

/// <summary>One agent, route or user: its state over a window, its series, runs, violations and policy, and its change notices.</summary>
public interface IEntityService
{
    /// <summary>The state over <paramref name="window"/>; null when the entity has never had an event.</summary>
    Task<EntitySnapshot?> GetSnapshotAsync(string project, EntityKind kind, string id, TimeSpan window);

    /// <summary>Every bucket of the window, oldest first.</summary>
    Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string project, EntityKind kind, string id, TimeSpan window);

    /// <summary>An agent's most recent runs, newest first.</summary>
    Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(string project, string agentId, int limit);

    /// <summary>An agent's most recent policy violations, newest first.</summary>
    Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(string project, string agentId, int limit);

    /// <summary>Tells <paramref name="onChanged"/> when the entity changed, until disposed; <paramref name="onResynced"/> after an outage.</summary>
    IAsyncDisposable Subscribe(string project, EntityKind kind, string id, Action onChanged, Action onResynced);
}

public sealed class EntityService(IClusterClient client, GrainCalls calls, Subscriptions subscriptions) : IEntityService
{
    public Task<EntitySnapshot?> GetSnapshotAsync(string project, EntityKind kind, string id, TimeSpan window) =>
        calls.RunAsync(() => Grain(project, kind, id).GetSnapshotAsync(window));

    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string project, EntityKind kind, string id, TimeSpan window) =>
        calls.RunAsync(() => Grain(project, kind, id).GetSeriesAsync(window));

    public Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(string project, string agentId, int limit) =>
        calls.RunAsync(() => client.GetGrain<IAgentGrain>(GrainKeys.For(project, agentId)).GetRecentRunsAsync(limit));

    public Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(string project, string agentId, int limit) =>
        calls.RunAsync(() => client.GetGrain<IAgentGrain>(GrainKeys.For(project, agentId)).GetViolationsAsync(limit));

    public IAsyncDisposable Subscribe(string project, EntityKind kind, string id, Action onChanged, Action onResynced)
    {
        var grain = Grain(project, kind, id);
        return subscriptions.Start<IEntityObserver>(new EntityObserver(onChanged), grain.SubscribeAsync, grain.UnsubscribeAsync, onResynced);
    }

    private IMonitoredEntityGrain Grain(string project, EntityKind kind, string id)
    {
        var key = GrainKeys.For(project, id);
        return kind switch
        {
            EntityKind.Agent => client.GetGrain<IAgentGrain>(key),
            EntityKind.Route => client.GetGrain<IRouteGrain>(key),
            EntityKind.User => client.GetGrain<IUserGrain>(key),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
