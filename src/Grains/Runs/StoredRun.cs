using AgentOps.Events;

namespace AgentOps.Runs;

/// <summary>
/// A run as the trajectory store keeps it: totals always, steps when sampling kept them and retention has not expired
/// them. <see cref="ReplacesSteps"/>: the run was stored before with steps (it went quiet unfinished, then went on), so
/// a store keeping steps apart from the run must remove the old ones if this version keeps none there.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.stored-run")]
public sealed record StoredRun(
    [property: Id(0)] RunSummary Summary,
    [property: Id(1)] IReadOnlyList<AgentEvent>? Steps,
    [property: Id(2)] string? StepsDropped,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset SavedAt,
    [property: Id(5)] bool ReplacesSteps = false);
