namespace AgentOps.Alerts;

/// <summary>What happened to an alert at a judgement.</summary>
public enum AlertTransition
{
    /// <summary>The condition began to hold; the alert is pending (or fired at once when <c>for</c> is 0).</summary>
    Opened,
    /// <summary>The condition held for <c>for</c>: the alert fires.</summary>
    Fired,
    /// <summary>Still open; its value or threshold moved.</summary>
    Updated,
    /// <summary>A firing alert's condition no longer holds.</summary>
    Resolved,
    /// <summary>A pending alert's condition stopped holding before <c>for</c> elapsed: it never fired.</summary>
    Cancelled,
}

/// <summary>An alert and what just happened to it.</summary>
public readonly record struct AlertChange(AlertView Alert, AlertTransition Transition);
