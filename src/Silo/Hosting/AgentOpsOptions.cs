namespace AgentOps.Silo.Hosting;

/// <summary>Top-level settings (section <c>AgentOps</c>); see README "Configuration".</summary>
public sealed class AgentOpsOptions
{
    public const string Section = "AgentOps";

    /// <summary><c>Local</c> (memory, one process) or <c>AzureStorage</c> (durable, clustered).</summary>
    public StorageProfile Profile { get; set; } = StorageProfile.Local;

    /// <summary>Azure Storage connection (AzureStorage profile).</summary>
    public StorageConnectionOptions Storage { get; set; } = new();

    /// <summary>Where the Local profile keeps the development key it generates when no key is configured.</summary>
    public string DevKeyFile { get; set; } = ".agentops/dev-key";
}

/// <summary>The storage profiles of API.md "Running".</summary>
public enum StorageProfile
{
    /// <summary>Localhost clustering, memory storage and streams; nothing survives a restart.</summary>
    Local,
    /// <summary>Azure Table storage and clustering, Azure Queue streams.</summary>
    AzureStorage,
}

/// <summary>How to reach Azure Storage: a connection string, or service URIs with managed identity.</summary>
public sealed class StorageConnectionOptions
{
    /// <summary>e.g. <c>UseDevelopmentStorage=true</c> for Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's service URI (https://account.blob.core.windows.net or the account name's table/queue URIs derive from it).</summary>
    public Uri? ServiceUri { get; set; }
}
