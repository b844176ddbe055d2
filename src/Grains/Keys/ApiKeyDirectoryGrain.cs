using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Keys;

/// <summary>The managed keys, written through on every change. Revoked and expired keys stay listed (for the audit) until pruned.</summary>
public sealed class ApiKeyDirectoryGrain(
    [PersistentState("keys", StorageNames.State)] IPersistentState<ApiKeyDirectoryState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    : Grain, IApiKeyDirectoryGrain
{
    /// <summary>Keys in use per project at most (active ones; revoked and expired ones do not count).</summary>
    public const int MaxKeysPerProject = 100;

    /// <summary>Revoked or expired keys are forgotten this long after.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(90);

    public Task<ManagedApiKeySet> GetAllAsync() => Task.FromResult(new ManagedApiKeySet(state.State.Version, state.State.Keys));

    public async Task<bool> AddAsync(ManagedApiKey key)
    {
        var now = time.GetUtcNow();
        if (state.State.Keys.Count(k => k.Project == key.Project && k.IsActive(now)) >= MaxKeysPerProject)
        {
            return false;
        }

        await SaveAsync([.. state.State.Keys, key]);
        return true;
    }

    public async Task<ManagedApiKey?> RevokeAsync(string project, string keyId, string actor, DateTimeOffset at)
    {
        if (Find(project, keyId) is not { } key)
        {
            return null;
        }

        var revoked = key.RevokedAt is null ? key with { RevokedAt = at, RevokedBy = actor } : key;
        await SaveAsync(state.State.Keys.Select(k => k.Id == keyId ? revoked : k).ToList());
        return revoked;
    }

    public async Task<ManagedApiKey?> RotateAsync(string project, string keyId, ManagedApiKey replacement, DateTimeOffset oldExpiresAt)
    {
        if (Find(project, keyId) is not { } key || !key.IsActive(time.GetUtcNow()))
        {
            return null;
        }

        var expiring = key with { ExpiresAt = key.ExpiresAt is { } expires && expires < oldExpiresAt ? expires : oldExpiresAt, RotatedTo = replacement.Id };
        await SaveAsync([.. state.State.Keys.Select(k => k.Id == keyId ? expiring : k), replacement]);
        return expiring;
    }

    private ManagedApiKey? Find(string project, string keyId) => state.State.Keys.FirstOrDefault(k => k.Id == keyId && k.Project == project);

    private async Task SaveAsync(List<ManagedApiKey> keys)
    {
        var forgetBefore = time.GetUtcNow() - KeptAfterEnd;
        state.State.Keys = keys.Where(k => (k.RevokedAt ?? k.ExpiresAt ?? DateTimeOffset.MaxValue) > forgetBefore).ToList();
        state.State.Version++;
        await state.WriteStateAsync();
    }
}

/// <summary>The persisted managed keys.</summary>
[GenerateSerializer]
public sealed class ApiKeyDirectoryState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<ManagedApiKey> Keys { get; set; } = [];
}
