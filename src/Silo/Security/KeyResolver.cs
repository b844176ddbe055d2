using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Silo.Security;

/// <summary>Resolves a presented key: configured keys first, then the managed ones that are neither revoked nor expired.</summary>
public sealed class KeyResolver(KeyRing configured, ManagedKeyCache managed, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
{
    /// <summary>Longest key looked at; anything longer is no key of ours and is not even hashed.</summary>
    public const int MaxKeyLength = 256;

    public async ValueTask<KeyIdentity?> FindAsync(string presentedKey)
    {
        if (presentedKey.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        if (configured.Find(hash) is { } identity)
        {
            return identity;
        }

        return presentedKey.StartsWith(ManagedKeyFactory.KeyPrefix, StringComparison.Ordinal)
            && await managed.FindAsync(hash) is { } key && key.IsActive(time.GetUtcNow())
            ? new KeyIdentity(key.Project, key.Role, key.Id)
            : null;
    }
}
