namespace AgentOps.Client.Guard;

/// <summary>What a guard check decides when the server cannot (timeout, network or HTTP error, unreadable answer).</summary>
public enum GuardFailureMode
{
    /// <summary>Allow the step: monitoring trouble never stops the agent. The default.</summary>
    FailOpen,

    /// <summary>Deny the step: nothing risky happens unless the server said yes.</summary>
    FailClosed,
}
