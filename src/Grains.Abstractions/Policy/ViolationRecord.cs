using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>One tool call that broke its agent's autonomy policy.</summary>
[GenerateSerializer, Immutable, Alias("agentops.violation")]
public sealed record ViolationRecord(
    [property: Id(0)] string EventId,
    [property: Id(1)] string RunId,
    [property: Id(2)] string Tool,
    [property: Id(3)] ToolAction Action,
    [property: Id(4)] string? Target,
    [property: Id(5)] IReadOnlyList<string> Reasons,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? RouteId,
    [property: Id(8)] string? UserId)
{
    /// <summary>The reasons as one sentence.</summary>
    public string Reason => string.Join("; ", Reasons);
}
