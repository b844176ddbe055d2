namespace AgentOps;

/// <summary>Names of the Orleans providers the grains use; the silo binds them to memory or Azure Storage.</summary>
public static class StorageNames
{
    /// <summary>Grain state of entities, policies, directories and trajectories.</summary>
    public const string State = "agentops";

    /// <summary>Orleans' own stream subscription store.</summary>
    public const string PubSub = "PubSubStore";
}
