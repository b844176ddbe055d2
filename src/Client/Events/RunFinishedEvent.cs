namespace AgentOps.Client.Events;

/// <summary>A run ended (<c>run_finished</c>).</summary>
public sealed class RunFinishedEvent : AgentOpsEvent
{
    /// <summary>Creates a <c>run_finished</c> event.</summary>
    /// <param name="outcome">How the run ended (required).</param>
    public RunFinishedEvent(RunOutcome outcome)
        : base(EventTypes.RunFinished) => Outcome = outcome;

    /// <summary>How the run ended.</summary>
    public RunOutcome Outcome { get; set; }
}
