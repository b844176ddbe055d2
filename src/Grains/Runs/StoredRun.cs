using AgentOps.Events;

namespace AgentOps.Runs;

/// <summary>A run as the trajectory store keeps it: totals always, steps when sampling kept them and retention has not expired them.</summary>
[GenerateSerializer, Immutable, Alias("agentops.stored-run")]
public sealed record StoredRun(
    [property: Id(0)] RunSummary Summary,
    [property: Id(1)] IReadOnlyList<AgentEvent>? Steps,
    [property: Id(2)] string? StepsDropped,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset SavedAt);
