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

    /// <summary>
    /// Keys listed per project at most, ended ones included: beyond, the longest-ended are forgotten early. One grain holds
    /// every project's keys in one stored record, so no project may grow it without bound by making and revoking keys.
    /// </summary>
    public const int MaxListedPerProject = 1_000;

    public Task<ManagedApiKeySet> GetAllAsync() => Task.FromResult(new ManagedApiKeySet(state.State.Version, state.State.Keys));

    public async Task<bool> AddAsync(ManagedApiKey key)
    {
        if (!HasRoomFor(key.Project))
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
        // A key rotates once (its replacement rotates next), and the replacement counts against the limit: the old key
        // stays in use through its grace period, so rotating again and again would otherwise pile up keys in use.
        if (Find(project, keyId) is not { RotatedTo: null } key || !key.IsActive(time.GetUtcNow()) || !HasRoomFor(project))
        {
            return null;
        }

        var expiring = key with { ExpiresAt = key.ExpiresAt is { } expires && expires < oldExpiresAt ? expires : oldExpiresAt, RotatedTo = replacement.Id };
        await SaveAsync([.. state.State.Keys.Select(k => k.Id == keyId ? expiring : k), replacement]);
        return expiring;
    }

    private ManagedApiKey? Find(string project, string keyId) => state.State.Keys.FirstOrDefault(k => k.Id == keyId && k.Project == project);

    private bool HasRoomFor(string project)
    {
        var now = time.GetUtcNow();
        return state.State.Keys.Count(k => k.Project == project && k.IsActive(now)) < MaxKeysPerProject;
    }

    private async Task SaveAsync(List<ManagedApiKey> keys)
    {
        var forgetBefore = time.GetUtcNow() - KeptAfterEnd;
        static DateTimeOffset End(ManagedApiKey k) => k.RevokedAt ?? k.ExpiresAt ?? DateTimeOffset.MaxValue;
        var kept = keys.Where(k => End(k) > forgetBefore).ToList();
        var overflow = kept.GroupBy(k => k.Project, StringComparer.Ordinal)
            .SelectMany(project => project.OrderByDescending(End).Skip(MaxListedPerProject))
            .Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        state.State.Keys = overflow.Count == 0 ? kept : kept.Where(k => !overflow.Contains(k.Id)).ToList();
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
