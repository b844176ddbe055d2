using AgentOps.Alerts;
using AgentOps.Events;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>A silence (API.md: <c>POST /v1/silences</c>).</summary>
public sealed record SilenceDocument
{
    public string? Id { get; init; }
    public SilenceMatchers? Matchers { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public string? Comment { get; init; }

    /// <summary>Who made it (<c>key:{keyId}</c> or <c>user:{name}</c>); set by the server, ignored in requests.</summary>
    public string? CreatedBy { get; init; }

    public static SilenceDocument From(Silence s) => new()
    {
        Id = s.Id,
        Matchers = new SilenceMatchers { RuleId = s.RuleId, Scope = s.Scope?.ToWire(), EntityId = s.EntityId },
        StartsAt = s.StartsAt,
        EndsAt = s.EndsAt,
        Comment = s.Comment,
        CreatedBy = s.CreatedBy,
    };
}

/// <summary>Which alerts a silence mutes; an absent matcher matches everything.</summary>
public sealed record SilenceMatchers
{
    public string? RuleId { get; init; }
    public string? Scope { get; init; }
    public string? EntityId { get; init; }
}

/// <summary>The active silences.</summary>
public sealed record SilenceListResponse(IReadOnlyList<SilenceDocument> Items);
