using AgentOps.Entities;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Services;

/// <summary>Runs with their trajectories.</summary>
public interface IRunService
{
    /// <summary>A run with its totals and steps; null when unknown.</summary>
    Task<RunTrajectory?> GetRunAsync(string project, string runId);
}

public sealed class RunService(IClusterClient client, GrainCalls calls) : IRunService
{
    public Task<RunTrajectory?> GetRunAsync(string project, string runId) =>
        calls.RunAsync(() => client.GetGrain<IProjectQueryGrain>(project).GetRunAsync(runId));
}
