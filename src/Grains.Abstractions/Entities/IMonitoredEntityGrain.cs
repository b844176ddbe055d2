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

    /// <summary>True once the entity has had an event.</summary>
    [Alias("exists"), ReadOnly]
    Task<bool> ExistsAsync();
}
