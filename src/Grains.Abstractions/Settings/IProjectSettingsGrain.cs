namespace AgentOps.Settings;

/// <summary>A project's settings (key: the project).</summary>
[Alias("agentops.project-settings")]
public interface IProjectSettingsGrain : IGrainWithStringKey
{
    [Alias("get-trajectories"), AlwaysInterleave]
    Task<TrajectorySettings> GetTrajectoriesAsync();

    [Alias("put-trajectories")]
    Task<TrajectorySettings> PutTrajectoriesAsync(TrajectorySettings settings);
}
