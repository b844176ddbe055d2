using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>
/// What an agent may do on its own (API.md "Autonomy policy"). Every field is optional;
/// tool and target patterns are globs with <c>*</c> and <c>?</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.policy")]
public sealed record AutonomyPolicy
{
    /// <summary>A free-form label of the agent's autonomy level, e.g. <c>staging-only</c>.</summary>
    [Id(0)] public string? AutonomyTier { get; init; }
    /// <summary>When set, a tool matching none of these is a violation.</summary>
    [Id(1)] public IReadOnlyList<string>? AllowedTools { get; init; }
    /// <summary>A tool matching any of these is a violation.</summary>
    [Id(2)] public IReadOnlyList<string>? DeniedTools { get; init; }
    /// <summary>When set, a write to a target matching none of these is a violation.</summary>
    [Id(3)] public IReadOnlyList<string>? WriteTargets { get; init; }
    /// <summary>Actions that need <c>approved: true</c>.</summary>
    [Id(4)] public IReadOnlyList<ToolAction>? ApprovalRequiredFor { get; init; }
    /// <summary>Budget of one run, used by the guard.</summary>
    [Id(5)] public double? MaxCostPerRunUsd { get; init; }
    /// <summary>Budget of one UTC day, used by the guard.</summary>
    [Id(6)] public double? MaxDailyCostUsd { get; init; }
    /// <summary>A paused agent is denied every guarded step.</summary>
    [Id(7)] public bool Paused { get; init; }
}
