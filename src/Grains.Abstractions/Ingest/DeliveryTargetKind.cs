namespace AgentOps.Ingest;

/// <summary>The kinds of grain a partition fans events out to.</summary>
[GenerateSerializer]
public enum DeliveryTargetKind : byte
{
    Agent,
    Route,
    User,
    Trajectory,
}
