namespace AgentOps.Alerts;

/// <summary>Where an alert stands: pending (breached, <c>for</c> not yet elapsed), firing, or resolved.</summary>
[GenerateSerializer]
public enum AlertState : byte
{
    Pending,
    Firing,
    Resolved,
}
