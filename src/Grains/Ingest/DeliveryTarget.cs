using AgentOps.Entities;
using AgentOps.Runs;

namespace AgentOps.Ingest;

/// <summary>A grain a partition fans events out to.</summary>
public readonly record struct DeliveryTarget(DeliveryTargetKind Kind, string Key)
{
    /// <summary>Sends one delivery to the grain.</summary>
    public Task DeliverAsync(IGrainFactory grains, EntityDelivery delivery) => Kind switch
    {
        DeliveryTargetKind.Agent => grains.GetGrain<IAgentGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.Route => grains.GetGrain<IRouteGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.User => grains.GetGrain<IUserGrain>(Key).ApplyAsync(delivery),
        DeliveryTargetKind.Trajectory => grains.GetGrain<ITrajectoryShardGrain>(Key).AppendAsync(delivery),
        _ => throw new InvalidOperationException($"Unknown delivery target kind {Kind}."),
    };
}

/// <summary>The kinds of grain that receive events.</summary>
public enum DeliveryTargetKind
{
    Agent,
    Route,
    User,
    Trajectory,
}
