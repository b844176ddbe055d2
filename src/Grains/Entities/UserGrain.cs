
namespace AgentOps.Entities;

/// <summary>An end user: the live state of every run on their behalf.</summary>
public sealed class UserGrain(
    [PersistentState("user", StorageNames.LargeState)] IPersistentState<EntityGrainState> state,
    EntityGrainServices services)
    : MonitoredEntityGrain<EntityGrainState>(state, services, EntityKind.User), IUserGrain;
