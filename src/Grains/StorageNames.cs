namespace AgentOps;

/// <summary>Names of the Orleans providers the grains use; the silo binds them to memory or Azure Storage.</summary>
public static class StorageNames
{
    /// <summary>Grain state that stays small: policies, rules, channels, settings, keys, directories.</summary>
    public const string State = "agentops";

    /// <summary>
    /// Grain state that can outgrow an Azure table entity (983,040 bytes of state): an agent, route or user at its bounds
    /// (windows with 64 models and 64 tools, 2,000 runs with 128-character ids, 1,000 violations: 1.1 MB), a project's fleet rows and its alert
    /// board (they grow with the number of entities). Blobs in the AzureStorage profile.
    /// </summary>
    public const string LargeState = "agentops-large";

    /// <summary>Orleans' own stream subscription store.</summary>
    public const string PubSub = "PubSubStore";
}
