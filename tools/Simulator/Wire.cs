using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentOps.Simulator;

/// <summary>One event of API.md in its wire form; fields that do not apply stay null and are not sent.</summary>
public sealed record WireEvent
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Timestamp { get; init; }
    public required string AgentId { get; init; }
    public required string RunId { get; init; }
    public string? RouteId { get; init; }
    public string? UserId { get; init; }
    public string? AgentVersion { get; init; }
    public Dictionary<string, string>? Attributes { get; init; }
    public string? Model { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? CachedInputTokens { get; init; }
    public double? CostUsd { get; init; }
    public long? LatencyMs { get; init; }
    public string? Status { get; init; }
    public string? ErrorType { get; init; }
    public int? Attempt { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Tool { get; init; }
    public string? Action { get; init; }
    public string? Target { get; init; }
    public bool? Approved { get; init; }
    public string? Rubric { get; init; }
    public double? Score { get; init; }
    public bool? Passed { get; init; }
    public string? Evaluator { get; init; }
    public string? Outcome { get; init; }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>An autonomy policy (API.md "Autonomy policy").</summary>
public sealed record WirePolicy
{
    public string? AutonomyTier { get; init; }
    public IReadOnlyList<string>? AllowedTools { get; init; }
    public IReadOnlyList<string>? DeniedTools { get; init; }
    public IReadOnlyList<string>? WriteTargets { get; init; }
    public IReadOnlyList<string>? ApprovalRequiredFor { get; init; }
    public double? MaxCostPerRunUsd { get; init; }
    public double? MaxDailyCostUsd { get; init; }
}

public static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
