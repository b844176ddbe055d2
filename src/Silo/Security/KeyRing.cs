using System.Security.Cryptography;
using System.Text;
using AgentOps.Entities;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>
/// Resolves a presented key to its project and role. Only SHA-256 hashes are held; a presented key is hashed and
/// compared in constant time, so neither the keys nor timing reveal anything.
/// </summary>
public sealed class KeyRing
{
    private readonly IReadOnlyList<(byte[] Hash, string Project, string Role)> _keys;

    public KeyRing(IOptions<ApiKeyOptions> options)
    {
        _keys = options.Value.Keys.Select(Load).ToList();
    }

    /// <summary>Keys configured.</summary>
    public int Count => _keys.Count;

    /// <summary>The project and role of a key, or null when the key is unknown.</summary>
    public (string Project, string Role)? Find(string presentedKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        (string, string)? found = null;
        foreach (var key in _keys)
        {
            // Compare against every key, not only until the first match, so the time taken does not depend on which key matched.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = (key.Project, key.Role);
            }
        }

        return found;
    }

    /// <summary>The SHA-256 hex of a key, for configuration.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static (byte[], string, string) Load(ApiKeyEntry entry, int index)
    {
        if (!EntityIds.IsValid(entry.Project))
        {
            throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [$"AgentOps:Keys:{index}:Project {EntityIds.Explain(entry.Project)}."]);
        }

        if (!Roles.IsKnown(entry.Role))
        {
            throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [$"AgentOps:Keys:{index}:Role must be ingest, read or admin (got '{entry.Role}')."]);
        }

        byte[] hash;
        if (!string.IsNullOrEmpty(entry.Key) == !string.IsNullOrEmpty(entry.KeyHash))
        {
            throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [$"AgentOps:Keys:{index} needs exactly one of Key and KeyHash."]);
        }
        else if (entry.Key is { Length: > 0 } key)
        {
            hash = key.Length >= 16 ? SHA256.HashData(Encoding.UTF8.GetBytes(key))
                : throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [$"AgentOps:Keys:{index}:Key must be at least 16 characters."]);
        }
        else
        {
            hash = entry.KeyHash!.Length == 64 && entry.KeyHash.All(Uri.IsHexDigit) ? Convert.FromHexString(entry.KeyHash)
                : throw new OptionsValidationException(ApiKeyOptions.Section, typeof(ApiKeyOptions), [$"AgentOps:Keys:{index}:KeyHash must be 64 hex digits (SHA-256)."]);
        }

        return (hash, entry.Project, entry.Role);
    }
}
