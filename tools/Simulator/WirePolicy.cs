using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Simulator;

/// <summary>An autonomy policy (API.md "Autonomy policy"); the Client SDK sends events and guard checks, not policies.</summary>
public sealed record WirePolicy
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? AutonomyTier { get; init; }
    public IReadOnlyList<string>? AllowedTools { get; init; }
    public IReadOnlyList<string>? DeniedTools { get; init; }
    public IReadOnlyList<string>? WriteTargets { get; init; }
    public IReadOnlyList<string>? ApprovalRequiredFor { get; init; }
    public double? MaxCostPerRunUsd { get; init; }
    public double? MaxDailyCostUsd { get; init; }
}
