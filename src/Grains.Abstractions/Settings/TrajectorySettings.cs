namespace AgentOps.Settings;

/// <summary>
/// How a project keeps trajectories (<c>GET/PUT /v1/settings/trajectories</c>): the share of ordinary runs whose steps are
/// kept (failed, violating, alerting, retrying and expensive runs always are), per-agent overrides, and how long steps
/// are kept. Aggregates always count every event.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.trajectory-settings")]
public sealed record TrajectorySettings
{
    /// <summary>The share (0..1) of ordinary runs kept; default 10%.</summary>
    [Id(0)] public double SampleRate { get; init; } = 0.10;

    /// <summary>Sample rates for particular agents.</summary>
    [Id(1)] public IReadOnlyDictionary<string, double> AgentSampleRates { get; init; } = new Dictionary<string, double>();

    /// <summary>Days a run's steps are kept; afterwards the run answers its totals with <c>stepsDropped: expired</c>.</summary>
    [Id(2)] public int RetentionDays { get; init; } = 14;

    /// <summary>The sample rate of one agent.</summary>
    public double RateFor(string agentId) => AgentSampleRates.TryGetValue(agentId, out var rate) ? rate : SampleRate;
}
