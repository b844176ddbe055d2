using AgentOps.Keys;

namespace AgentOps.Silo.Security;

/// <summary>
/// This silo's copy of the managed keys, indexed by hash: authentication never waits on a grain call once loaded. It
/// refreshes every <see cref="RefreshInterval"/>, and at once after a change made through this silo, so a revoked key
/// stops working here immediately and on every other silo within the interval.
/// </summary>
public sealed class ManagedKeyCache(IClusterClient cluster)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private const string All = "*";

    private readonly ProjectValueCache<Dictionary<string, ManagedApiKey>> _cache = new(
        async _ => (await cluster.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).GetAllAsync()).Keys
            .ToDictionary(k => Convert.ToHexString(k.Hash), StringComparer.Ordinal),
        () => RefreshInterval);

    /// <summary>The managed key with this SHA-256 (active or not), or null.</summary>
    public async ValueTask<ManagedApiKey?> FindAsync(byte[] hash) =>
        (await _cache.GetAsync(All)).GetValueOrDefault(Convert.ToHexString(hash));

    /// <summary>Every managed key of a project, newest first.</summary>
    public async ValueTask<IReadOnlyList<ManagedApiKey>> OfAsync(string project) =>
        (await _cache.GetAsync(All)).Values.Where(k => k.Project == project).OrderByDescending(k => k.CreatedAt).ToList();

    /// <summary>Forgets this silo's copy after a change made through it.</summary>
    public void Invalidate() => _cache.Invalidate(All);
}
