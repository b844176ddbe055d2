namespace AgentOps.Client.Events;

/// <summary>A tool call (<c>tool_call</c>); the server judges it against the agent's autonomy policy.</summary>
public sealed class ToolCallEvent : AgentOpsEvent
{
    /// <summary>Creates a <c>tool_call</c> event.</summary>
    /// <param name="tool">The tool's name (required).</param>
    public ToolCallEvent(string tool)
        : base(EventTypes.ToolCall)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        Tool = tool;
    }

    /// <summary>The tool's name.</summary>
    public string Tool { get; set; }

    /// <summary>What the call does (null: the server assumes <see cref="ToolAction.Other"/>).</summary>
    public ToolAction? Action { get; set; }

    /// <summary>The resource the call touches, for example <c>db:production.orders</c>.</summary>
    public string? Target { get; set; }

    /// <summary><see cref="CallStatus.Ok"/>, <see cref="CallStatus.Error"/> or <see cref="CallStatus.Denied"/> (the agent's own sandbox blocked it).</summary>
    public CallStatus? Status { get; set; }

    /// <summary>True when a person or an approver granted this call.</summary>
    public bool? Approved { get; set; }

    /// <summary>How long the call took, in milliseconds.</summary>
    public double? LatencyMs { get; set; }

    /// <summary>1 for a first try; above 1 for a retry.</summary>
    public int? Attempt { get; set; }

    /// <summary>An external cost of the call in US dollars.</summary>
    public double? CostUsd { get; set; }

    /// <summary>The call's arguments (optional text, kept in the trajectory only).</summary>
    public string? Input { get; set; }

    /// <summary>The call's result (optional text, kept in the trajectory only).</summary>
    public string? Output { get; set; }
}
