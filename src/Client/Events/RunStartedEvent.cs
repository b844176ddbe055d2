namespace AgentOps.Client.Events;

/// <summary>A run began (<c>run_started</c>).</summary>
public sealed class RunStartedEvent : AgentOpsEvent
{
    /// <summary>Creates a <c>run_started</c> event.</summary>
    public RunStartedEvent()
        : base(EventTypes.RunStarted)
    {
    }

    /// <summary>The run's input (optional text, kept in the trajectory only).</summary>
    public string? Input { get; set; }
}
