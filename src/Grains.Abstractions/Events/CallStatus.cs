namespace AgentOps.Events;

/// <summary>How a model or tool call ended.</summary>
[GenerateSerializer]
public enum CallStatus : byte
{
    /// <summary>The call succeeded.</summary>
    Ok,
    /// <summary>The call failed.</summary>
    Error,
    /// <summary>The agent's own sandbox blocked the tool call (always an autonomy violation).</summary>
    Denied,
}
