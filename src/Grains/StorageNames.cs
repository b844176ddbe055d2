namespace AgentOps;

/// <summary>Names of the Orleans providers the grains use; the silo binds them to memory or Azure Storage.</summary>
public static class StorageNames
{
    /// <summary>Grain state of entities, policies, directories and trajectories.</summary>
    public const string State = "agentops";

    /// <summary>
    /// Grain state that can outgrow an Azure table entity (1 MB): a project's fleet rows and its alert board, which grow
    /// with the number of agents, routes and users. Blobs in the AzureStorage profile.
    /// </summary>
    public const string LargeState = "agentops-large";

    /// <summary>Orleans' own stream subscription store.</summary>
    public const string PubSub = "PubSubStore";
}
