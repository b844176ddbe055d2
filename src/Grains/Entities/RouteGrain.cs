
namespace AgentOps.Entities;

/// <summary>A route: the live state of every run that serves one feature.</summary>
public sealed class RouteGrain(
    [PersistentState("route", StorageNames.LargeState)] IPersistentState<EntityGrainState> state,
    EntityGrainServices services)
    : MonitoredEntityGrain<EntityGrainState>(state, services, EntityKind.Route), IRouteGrain;
