using AgentOps.Events;
using AgentOps.Policy;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>An agent's recorded policy violations, newest first.</summary>
public sealed record ViolationListResponse(IReadOnlyList<ViolationResponse> Items);

/// <summary>One violation record.</summary>
public sealed record ViolationResponse(
    string EventId, string RunId, string Tool, string Action, string? Target, string Reason,
    IReadOnlyList<string> Reasons, DateTimeOffset At, string? RouteId, string? UserId)
{
    public static ViolationResponse From(ViolationRecord v) =>
        new(v.EventId, v.RunId, v.Tool, v.Action.ToWire(), v.Target, v.Reason, v.Reasons, v.At, v.RouteId, v.UserId);
}
