using AgentOps.Entities;

namespace AgentOps.Fleet;

/// <summary>
/// A project's fleet overview (key: the project): every entity's summary row, merged from the fleet shards, and the
/// push of changes to dashboards. One call answers a whole page, however many entities there are.
/// </summary>
[Alias("agentops.fleet")]
public interface IFleetGrain : IGrainWithStringKey
{
    /// <summary>Every row of one kind.</summary>
    [Alias("get"), ReadOnly]
    Task<IReadOnlyList<EntitySummary>> GetAsync(EntityKind kind);

    /// <summary>A shard publishes the rows that changed.</summary>
    [Alias("publish"), OneWay]
    Task PublishAsync(IReadOnlyList<EntitySummary> changed);

    /// <summary>Subscribes (or renews) an observer; subscriptions lapse after <see cref="FleetGrainLimits.ObserverLifetime"/>.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IFleetObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IFleetObserver observer);
}

/// <summary>Limits shared by the fleet grain and its subscribers.</summary>
public static class FleetGrainLimits
{
    /// <summary>How long a subscription lives without renewal; subscribers renew at a third of it.</summary>
    public static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(3);
}
