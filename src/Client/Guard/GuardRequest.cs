using AgentOps.Client.Events;

namespace AgentOps.Client.Guard;

/// <summary>A step an agent proposes, for <c>POST /v1/guard</c>, plus this call's timeout and failure mode.</summary>
public sealed class GuardRequest
{
    /// <summary>Creates a request for a step of run <paramref name="runId"/> of agent <paramref name="agentId"/>.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="runId">The run.</param>
    public GuardRequest(string agentId, string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        AgentId = agentId;
        RunId = runId;
    }

    /// <summary>The agent.</summary>
    public string AgentId { get; }

    /// <summary>The run.</summary>
    public string RunId { get; }

    /// <summary>The tool about to be called (null: only budgets and the pause switch are checked).</summary>
    public string? Tool { get; init; }

    /// <summary>What the tool call would do.</summary>
    public ToolAction? Action { get; init; }

    /// <summary>The resource it would touch, for example <c>db:production.orders</c>.</summary>
    public string? Target { get; init; }

    /// <summary>What the step is expected to cost, in US dollars, 0 to 1e9 (checked against the run and daily budgets).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not a number, infinite or 1e9 and above: refused here, so
    /// that it cannot reach the wire, fail there, and be mistaken for the server being unreachable.</exception>
    public double? EstimatedCostUsd
    {
        get;
        init => field = value is null or (>= 0 and < 1e9) ? value : throw new ArgumentOutOfRangeException(nameof(EstimatedCostUsd), value, "EstimatedCostUsd must be 0 to 1e9 dollars.");
    }

    /// <summary>This call's timeout (null: <see cref="AgentOpsClientOptions.GuardTimeout"/>). Not sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive, or over <see cref="AgentOpsClientOptions.LongestDuration"/>.</exception>
    public TimeSpan? Timeout
    {
        get;
        init => field = value is null || (value > TimeSpan.Zero && value <= AgentOpsClientOptions.LongestDuration)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, $"Timeout must be positive and at most {AgentOpsClientOptions.LongestDuration}.");
    }

    /// <summary>This call's failure mode (null: <see cref="AgentOpsClientOptions.GuardFailureMode"/>). Not sent.</summary>
    public GuardFailureMode? FailureMode { get; init; }
}
