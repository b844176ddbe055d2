using Microsoft.Extensions.DependencyInjection;
using AgentOps.Ingest;
using Microsoft.Extensions.Options;

namespace AgentOps.Entities;

/// <summary>A route: the live state of every run that serves one feature.</summary>
public sealed class RouteGrain(
    [PersistentState("route", StorageNames.State)] IPersistentState<EntityGrainState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<IngestOptions> options)
    : MonitoredEntityGrain<EntityGrainState>(state, time, options, EntityKind.Route), IRouteGrain;
