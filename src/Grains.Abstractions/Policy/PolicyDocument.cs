using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>An autonomy policy as the API and the dashboard write it (API.md "Autonomy policy").</summary>
[GenerateSerializer, Immutable, Alias("agentops.policy-document")]
public sealed record PolicyDocument
{
    [Id(0)] public string? AutonomyTier { get; init; }
    [Id(1)] public IReadOnlyList<string>? AllowedTools { get; init; }
    [Id(2)] public IReadOnlyList<string>? DeniedTools { get; init; }
    [Id(3)] public IReadOnlyList<string>? WriteTargets { get; init; }
    [Id(4)] public IReadOnlyList<string>? ApprovalRequiredFor { get; init; }
    [Id(5)] public double? MaxCostPerRunUsd { get; init; }
    [Id(6)] public double? MaxDailyCostUsd { get; init; }
    [Id(7)] public bool? Paused { get; init; }

    public static PolicyDocument From(AutonomyPolicy p) => new()
    {
        AutonomyTier = p.AutonomyTier,
        AllowedTools = p.AllowedTools,
        DeniedTools = p.DeniedTools,
        WriteTargets = p.WriteTargets,
        ApprovalRequiredFor = p.ApprovalRequiredFor?.Select(a => a.ToWire()).ToList(),
        MaxCostPerRunUsd = p.MaxCostPerRunUsd,
        MaxDailyCostUsd = p.MaxDailyCostUsd,
        Paused = p.Paused,
    };
}
