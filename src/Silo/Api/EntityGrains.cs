using AgentOps.Entities;

namespace AgentOps.Silo.Api;

/// <summary>Finds the grain of an entity of any kind.</summary>
public static class EntityGrains
{
    public static IMonitoredEntityGrain Get(IGrainFactory grains, EntityKind kind, string project, string id)
    {
        var key = GrainKeys.For(project, id);
        return kind switch
        {
            EntityKind.Agent => grains.GetGrain<IAgentGrain>(key),
            EntityKind.Route => grains.GetGrain<IRouteGrain>(key),
            EntityKind.User => grains.GetGrain<IUserGrain>(key),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
