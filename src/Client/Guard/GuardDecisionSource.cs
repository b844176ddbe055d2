namespace AgentOps.Client.Guard;

/// <summary>Who made a <see cref="GuardDecision"/>.</summary>
public enum GuardDecisionSource
{
    /// <summary>The server answered within the timeout.</summary>
    Server,

    /// <summary>The server could not answer (see <see cref="GuardDecision.Failure"/>); the configured <see cref="GuardFailureMode"/> decided.</summary>
    FailureMode,
}
