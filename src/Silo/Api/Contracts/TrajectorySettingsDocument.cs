using AgentOps.Settings;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>
/// The body of <c>PUT /v1/settings/trajectories</c>. A field left out takes the configured default
/// (<c>AgentOps:Trajectories</c>), so a PUT always states the whole setting.
/// </summary>
public sealed class TrajectorySettingsDocument
{
    public double? SampleRate { get; set; }

    public Dictionary<string, double>? AgentSampleRates { get; set; }

    public int? RetentionDays { get; set; }

    public TrajectorySettings ToSettings(TrajectoryOptions defaults) => new()
    {
        SampleRate = SampleRate ?? defaults.SampleRate,
        AgentSampleRates = AgentSampleRates ?? [],
        RetentionDays = RetentionDays ?? defaults.RetentionDays,
    };
}
