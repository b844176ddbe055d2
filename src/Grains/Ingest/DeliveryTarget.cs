using AgentOps.Entities;
using AgentOps.Runs;

namespace AgentOps.Ingest;

/// <summary>A grain a partition fans events out to.</summary>
public readonly record struct DeliveryTarget(DeliveryTargetKind Kind, string Key)
{
    /// <summary>The target of an entity grain.</summary>
    public static DeliveryTarget Of(EntityKind kind, string key) => new(kind switch
    {
        EntityKind.Agent => DeliveryTargetKind.Agent,
        EntityKind.Route => DeliveryTargetKind.Route,
        _ => DeliveryTargetKind.User,
    }, key);

    /// <summary>Sends one delivery to the grain.</summary>
    public Task DeliverAsync(IGrainFactory grains, EntityDelivery delivery) => Kind switch
    {
        DeliveryTargetKind.Agent => grains.Reference<IAgentGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.Route => grains.Reference<IRouteGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.User => grains.Reference<IUserGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.Trajectory => grains.Reference<ITrajectoryShardGrain>(Key).AppendAsync(delivery),
        _ => throw new InvalidOperationException($"Unknown delivery target kind {Kind}."),
    };
}
