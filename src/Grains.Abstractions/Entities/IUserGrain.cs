namespace AgentOps.Entities;

/// <summary>An end user of a project on whose behalf agents act; key <c>{project}/{userId}</c>.</summary>
[Alias("agentops.user")]
public interface IUserGrain : IMonitoredEntityGrain;
