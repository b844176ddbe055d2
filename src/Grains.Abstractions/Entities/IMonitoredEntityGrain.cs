namespace AgentOps.Entities;

/// <summary>What every agent, route and user grain does: keep rolling state from deliveries and answer for it.</summary>
public interface IMonitoredEntityGrain : IGrainWithStringKey
{
    /// <summary>Applies the events of one partition flush. A delivery seen before is ignored.</summary>
    [Alias("apply")]
    Task ApplyAsync(EntityDelivery delivery);

    /// <summary>The live state over <paramref name="window"/> ending now; null when the entity has never had an event.</summary>
    [Alias("snapshot"), ReadOnly]
    Task<EntitySnapshot?> GetSnapshotAsync(TimeSpan window);

    /// <summary>Records an acknowledgement of one of this entity's alerts (sent by the project's alert board).</summary>
    [Alias("ack-alert"), OneWay]
    Task AcknowledgeAlertAsync(string alertId, string by, string? comment);

    /// <summary>The metrics of every bucket of the window, oldest first (minute buckets up to 2 h, hour buckets beyond).</summary>
    [Alias("series"), ReadOnly]
    Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(TimeSpan window);

    /// <summary>Subscribes (or renews) an observer; subscriptions lapse after <see cref="Fleet.FleetGrainLimits.ObserverLifetime"/>.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IEntityObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IEntityObserver observer);

    /// <summary>True once the entity has had an event.</summary>
    [Alias("exists"), ReadOnly]
    Task<bool> ExistsAsync();
}
