namespace AgentOps.Silo.Api.Contracts;

/// <summary>The body of <c>POST /v1/guard</c>.</summary>
public sealed record GuardBody
{
    public string? AgentId { get; init; }
    public string? RunId { get; init; }
    public string? Tool { get; init; }
    /// <summary>read, write, execute or other (default other).</summary>
    public string? Action { get; init; }
    public string? Target { get; init; }
    public double? EstimatedCostUsd { get; init; }
    /// <summary>True when a person or approver already granted the step (an extension of API.md).</summary>
    public bool? Approved { get; init; }
}

/// <summary>The guard's answer. <c>agentKnown</c> is false for an agent with neither a policy nor events: it is allowed.</summary>
public sealed record GuardResponse(bool Allow, IReadOnlyList<string> Reasons, double RunCostUsd, double DailyCostUsd, bool AgentKnown);
