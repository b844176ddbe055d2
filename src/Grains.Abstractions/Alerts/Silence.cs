using AgentOps.Entities;

namespace AgentOps.Alerts;

/// <summary>Mutes notifications (not evaluation) of matching alerts between two times.</summary>
[GenerateSerializer, Immutable, Alias("agentops.silence")]
public sealed record Silence
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? RuleId { get; init; }
    [Id(2)] public EntityKind? Scope { get; init; }
    [Id(3)] public string? EntityId { get; init; }
    [Id(4)] public DateTimeOffset StartsAt { get; init; }
    [Id(5)] public DateTimeOffset EndsAt { get; init; }
    [Id(6)] public string? Comment { get; init; }
    [Id(7)] public string? CreatedBy { get; init; }

    /// <summary>True when the silence is in force at <paramref name="now"/> and matches the alert.</summary>
    public bool Mutes(AlertView alert, DateTimeOffset now) =>
        now >= StartsAt && now < EndsAt
        && (RuleId is null || RuleId == alert.RuleId)
        && (Scope is null || Scope == alert.Scope)
        && (EntityId is null || EntityId == alert.EntityId);
}
