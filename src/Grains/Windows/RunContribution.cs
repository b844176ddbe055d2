using AgentOps.Events;

namespace AgentOps.Windows;

/// <summary>
/// What one finished run adds to the run-level counters of the bucket it finished in.
/// <see cref="FinishedAt"/> is the bucket time: the finish timestamp, clamped to the time it was received.
/// </summary>
public readonly record struct RunContribution(DateTimeOffset FinishedAt, RunOutcome Outcome, long CostNanos, int ToolCalls);
