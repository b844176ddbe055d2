using AgentOps.Entities;
using AgentOps.Fleet;

namespace AgentOps.Dashboard.Services;

/// <summary>The fleet overview of a project: every row of a kind in one call, and the push of changed rows.</summary>
public interface IFleetService
{
    /// <summary>Every row of one kind (one grain call, whatever the number of entities).</summary>
    Task<IReadOnlyList<EntitySummary>> GetAsync(string project, EntityKind kind);

    /// <summary>Pushes changed rows of every kind until disposed; <paramref name="onResynced"/> after an outage.</summary>
    IAsyncDisposable Subscribe(string project, Action<IReadOnlyList<EntitySummary>> onChanged, Action onResynced);
}

public sealed class FleetService(IClusterClient client, GrainCalls calls, Subscriptions subscriptions) : IFleetService
{
    public Task<IReadOnlyList<EntitySummary>> GetAsync(string project, EntityKind kind) =>
        calls.RunAsync(() => client.GetGrain<IFleetGrain>(project).GetAsync(kind));

    public IAsyncDisposable Subscribe(string project, Action<IReadOnlyList<EntitySummary>> onChanged, Action onResynced)
    {
        var grain = client.GetGrain<IFleetGrain>(project);
        return subscriptions.Start<IFleetObserver>(new FleetObserver(onChanged), grain.SubscribeAsync, grain.UnsubscribeAsync, onResynced);
    }
}
