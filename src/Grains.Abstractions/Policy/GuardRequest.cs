using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>An agent asks, before a step, whether it may take it (API.md "Guard").</summary>
[GenerateSerializer, Immutable, Alias("agentops.guard-request")]
public sealed record GuardRequest
{
    [Id(0)] public required string RunId { get; init; }
    /// <summary>The tool about to be called, if the step is a tool call.</summary>
    [Id(1)] public string? Tool { get; init; }
    [Id(2)] public ToolAction Action { get; init; }
    [Id(3)] public string? Target { get; init; }
    /// <summary>What the step is expected to cost, added to the run's and the day's cost so far.</summary>
    [Id(4)] public double EstimatedCostUsd { get; init; }
    /// <summary>True when a person or approver already granted the step.</summary>
    [Id(5)] public bool? Approved { get; init; }
}

/// <summary>The guard's answer: whether to go on, why not, and the costs it judged by.</summary>
[GenerateSerializer, Immutable, Alias("agentops.guard-decision")]
public sealed record GuardDecision(
    [property: Id(0)] bool Allow,
    [property: Id(1)] IReadOnlyList<string> Reasons,
    [property: Id(2)] double RunCostUsd,
    [property: Id(3)] double DailyCostUsd);
