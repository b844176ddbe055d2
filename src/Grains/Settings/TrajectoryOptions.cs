using System.ComponentModel.DataAnnotations;

namespace AgentOps.Settings;

/// <summary>
/// Defaults of the trajectory settings for projects that have not set their own (configuration section
/// <c>AgentOps:Trajectories</c>); a project changes its own with <c>PUT /v1/settings/trajectories</c>.
/// </summary>
public sealed class TrajectoryOptions
{
    public const string Section = "AgentOps:Trajectories";

    /// <summary>The share (0..1) of ordinary runs whose steps are kept.</summary>
    [Range(0.0, 1.0)]
    public double SampleRate { get; set; } = 0.10;

    /// <summary>Days a run's steps are kept.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 14;
}
