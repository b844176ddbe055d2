namespace AgentOps.Runs;

/// <summary>Where a run stands.</summary>
[GenerateSerializer]
public enum RunStatus : byte
{
    /// <summary>No <c>run_finished</c> seen yet.</summary>
    Running,
    /// <summary>Finished with outcome success.</summary>
    Success,
    /// <summary>Finished with outcome failure.</summary>
    Failure,
    /// <summary>Finished with outcome abandoned.</summary>
    Abandoned,
}
