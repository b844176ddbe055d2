using AgentOps.Events;
using AgentOps.Policy;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>An autonomy policy as JSON (<c>PUT/GET /v1/agents/{id}/policy</c>).</summary>
public sealed record PolicyDocument
{
    public string? AutonomyTier { get; init; }
    public IReadOnlyList<string>? AllowedTools { get; init; }
    public IReadOnlyList<string>? DeniedTools { get; init; }
    public IReadOnlyList<string>? WriteTargets { get; init; }
    public IReadOnlyList<string>? ApprovalRequiredFor { get; init; }
    public double? MaxCostPerRunUsd { get; init; }
    public double? MaxDailyCostUsd { get; init; }
    public bool? Paused { get; init; }

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
