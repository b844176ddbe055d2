namespace AgentOps.Events;

/// <summary>How a run ended.</summary>
[GenerateSerializer]
public enum RunOutcome : byte
{
    /// <summary>The run reached its goal.</summary>
    Success,
    /// <summary>The run failed.</summary>
    Failure,
    /// <summary>The run was given up without an answer.</summary>
    Abandoned,
}
