namespace AgentOps.Keys;

/// <summary>
/// The managed API keys of all projects (one grain, key <see cref="Key"/>): a key is found by its hash before its project
/// is known. Small (keys, not events), persisted in grain storage, and read through each silo's cache.
/// </summary>
[Alias("agentops.api-key-directory")]
public interface IApiKeyDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one directory's key.</summary>
    public const string Key = "keys";

    [Alias("all")]
    Task<ManagedApiKeySet> GetAllAsync();

    /// <summary>Adds a key; answers false when its project already has <c>MaxKeysPerProject</c> keys in use.</summary>
    [Alias("add")]
    Task<bool> AddAsync(ManagedApiKey key);

    /// <summary>Revokes a key of the project now; null when the project has no such key.</summary>
    [Alias("revoke")]
    Task<ManagedApiKey?> RevokeAsync(string project, string keyId, string actor, DateTimeOffset at);

    /// <summary>
    /// Adds <paramref name="replacement"/> and lets the project's key <paramref name="keyId"/> expire at
    /// <paramref name="oldExpiresAt"/> (a grace period for clients to switch); null when there is no such active key.
    /// </summary>
    [Alias("rotate")]
    Task<ManagedApiKey?> RotateAsync(string project, string keyId, ManagedApiKey replacement, DateTimeOffset oldExpiresAt);
}
