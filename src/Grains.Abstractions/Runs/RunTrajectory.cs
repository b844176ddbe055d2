using AgentOps.Events;

namespace AgentOps.Runs;

/// <summary>A run's totals and, when kept, its steps in event-time order.</summary>
[GenerateSerializer, Immutable, Alias("agentops.run-trajectory")]
public sealed record RunTrajectory(
    [property: Id(0)] RunSummary Summary,
    [property: Id(1)] IReadOnlyList<AgentEvent>? Steps,
    [property: Id(2)] string? StepsDropped);
