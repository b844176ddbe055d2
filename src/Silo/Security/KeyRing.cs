using System.Security.Cryptography;
using System.Text;
using AgentOps.Entities;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>
/// The keys from configuration (<c>AgentOps:Keys</c>), checked when the silo starts. Only SHA-256 hashes are held; a
/// presented key's hash is compared with every configured hash in constant time, so timing reveals nothing.
/// </summary>
public sealed class KeyRing
{
    private readonly IReadOnlyList<(byte[] Hash, KeyIdentity Identity)> _keys;

    public KeyRing(IOptions<ApiKeyOptions> options)
    {
        _keys = options.Value.Keys.Select(Load).ToList();
    }

    /// <summary>The configured keys of a project (their ids and roles; ids are the first hex digits of the hash, not of the key).</summary>
    public IEnumerable<KeyIdentity> Of(string project) => _keys.Select(k => k.Identity).Where(k => k.Project == project);

    /// <summary>The configured key with this SHA-256, or null.</summary>
    public KeyIdentity? Find(byte[] presentedHash)
    {
        KeyIdentity? found = null;
        foreach (var key in _keys)
        {
            // Compare against every key, not only until the first match, so the time taken does not depend on which key matched.
            if (CryptographicOperations.FixedTimeEquals(presentedHash, key.Hash))
            {
                found = key.Identity;
            }
        }

        return found;
    }

    /// <summary>The SHA-256 hex of a key, for configuration.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What is wrong with a configured key, or null when nothing is (checked at startup by <see cref="ApiKeyOptionsValidator"/>).</summary>
    public static string? Problem(ApiKeyEntry entry, int index) =>
        !EntityIds.IsValid(entry.Project) ? $"AgentOps:Keys:{index}:Project {EntityIds.Explain(entry.Project)}."
        : !Roles.IsKnown(entry.Role) ? $"AgentOps:Keys:{index}:Role must be ingest, read or admin (got '{entry.Role}')."
        : string.IsNullOrEmpty(entry.Key) == string.IsNullOrEmpty(entry.KeyHash) ? $"AgentOps:Keys:{index} needs exactly one of Key and KeyHash."
        : entry.Key is { Length: > 0 and < 16 } ? $"AgentOps:Keys:{index}:Key must be at least 16 characters."
        : entry.KeyHash is { } keyHash && (keyHash.Length != 64 || !keyHash.All(Uri.IsHexDigit)) ? $"AgentOps:Keys:{index}:KeyHash must be 64 hex digits (SHA-256)."
        : null;

    private static (byte[], KeyIdentity) Load(ApiKeyEntry entry, int index)
    {
        if (Problem(entry, index) is { } problem)
        {
            throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [problem]);
        }

        var hash = entry.Key is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : Convert.FromHexString(entry.KeyHash!);
        return (hash, new KeyIdentity(entry.Project, entry.Role, "cfg-" + Convert.ToHexStringLower(hash)[..10]));
    }
}
