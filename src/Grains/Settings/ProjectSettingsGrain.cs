using Microsoft.Extensions.Options;

namespace AgentOps.Settings;

/// <summary>A project's settings, written at once on change; until then, the configured defaults.</summary>
public sealed class ProjectSettingsGrain(
    [PersistentState("settings", StorageNames.State)] IPersistentState<ProjectSettingsState> state,
    IOptions<TrajectoryOptions> defaults)
    : Grain, IProjectSettingsGrain
{
    public Task<TrajectorySettings> GetTrajectoriesAsync() => Task.FromResult(state.State.Trajectories ?? new TrajectorySettings
    {
        SampleRate = defaults.Value.SampleRate,
        RetentionDays = defaults.Value.RetentionDays,
    });

    public async Task<TrajectorySettings> PutTrajectoriesAsync(TrajectorySettings settings)
    {
        state.State.Trajectories = settings;
        await state.WriteStateAsync();
        return settings;
    }
}

/// <summary>The persisted settings of a project.</summary>
[GenerateSerializer]
public sealed class ProjectSettingsState
{
    /// <summary>Null until the project sets its own.</summary>
    [Id(0)] public TrajectorySettings? Trajectories { get; set; }
}
