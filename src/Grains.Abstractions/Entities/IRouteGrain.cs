namespace AgentOps.Entities;

/// <summary>A route (the feature runs serve) of a project; key <c>{project}/{routeId}</c>.</summary>
[Alias("agentops.route")]
public interface IRouteGrain : IMonitoredEntityGrain;
