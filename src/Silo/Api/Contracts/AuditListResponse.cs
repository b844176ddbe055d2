using AgentOps.Audit;

namespace AgentOps.Silo.Api.Contracts;

/// <summary><c>GET /v1/audit</c>: entries newest first; <see cref="NextCursor"/> reads on (pass it as <c>cursor</c>).</summary>
public sealed record AuditListResponse(IReadOnlyList<AuditEntryResponse> Items, string? NextCursor);

/// <summary>One audit entry.</summary>
public sealed record AuditEntryResponse(DateTimeOffset At, string Actor, string Action, string Target, string? Detail)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.At, e.Actor, e.Action, e.Target, e.Detail);
}
