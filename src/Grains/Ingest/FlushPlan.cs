using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>Groups a flush's events by the grains that need them: its agent, route, user and trajectory shard.</summary>
public static class FlushPlan
{
    public static Dictionary<DeliveryTarget, List<AgentEvent>> Build(string project, IReadOnlyList<AgentEvent> events, int trajectoryShards)
    {
        var byTarget = new Dictionary<DeliveryTarget, List<AgentEvent>>();
        foreach (var e in events)
        {
            Add(byTarget, new(DeliveryTargetKind.Agent, GrainKeys.For(project, e.AgentId)), e);
            if (e.RouteId is { } route)
            {
                Add(byTarget, new(DeliveryTargetKind.Route, GrainKeys.For(project, route)), e);
            }

            if (e.UserId is { } user)
            {
                Add(byTarget, new(DeliveryTargetKind.User, GrainKeys.For(project, user)), e);
            }

            var shard = KeyHash.Bucket(e.RunId, trajectoryShards);
            Add(byTarget, new(DeliveryTargetKind.Trajectory, GrainKeys.ForShard(project, "runs", shard)), e);
        }

        return byTarget;
    }

    private static void Add(Dictionary<DeliveryTarget, List<AgentEvent>> byTarget, DeliveryTarget target, AgentEvent e)
    {
        if (!byTarget.TryGetValue(target, out var list))
        {
            list = [];
            byTarget[target] = list;
        }

        list.Add(e);
    }
}
