using AgentOps.Events;

namespace AgentOps.Runs;

/// <summary>
/// A run's totals and, when kept, its steps in event-time order. <see cref="Pending"/> while the run is open and its
/// sampling not yet decided; afterwards <see cref="SamplingReason"/> says why it was kept (or <c>sampled</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.run-trajectory")]
public sealed record RunTrajectory(
    [property: Id(0)] RunSummary Summary,
    [property: Id(1)] IReadOnlyList<AgentEvent>? Steps,
    [property: Id(2)] string? StepsDropped,
    [property: Id(3)] bool Pending = false,
    [property: Id(4)] string? SamplingReason = null);
