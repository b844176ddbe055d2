using Microsoft.Extensions.DependencyInjection;
using AgentOps.Ingest;
using Microsoft.Extensions.Options;

namespace AgentOps.Entities;

/// <summary>An end user: the live state of every run on their behalf.</summary>
public sealed class UserGrain(
    [PersistentState("user", StorageNames.State)] IPersistentState<EntityGrainState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<IngestOptions> options)
    : MonitoredEntityGrain<EntityGrainState>(state, time, options, EntityKind.User), IUserGrain;
