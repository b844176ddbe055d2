using System.Security.Cryptography;
using System.Text;
using AgentOps.Keys;

namespace AgentOps.Silo.Security;

/// <summary>Makes new managed keys: <c>aok_</c> and 43 characters of 256 random bits; only the hash and the prefix are kept.</summary>
public static class ManagedKeyFactory
{
    public const string KeyPrefix = "aok_";

    /// <summary>Characters of a key kept to recognise it in lists: the marker and 8 random characters (48 bits).</summary>
    public const int ShownCharacters = 12;

    /// <summary>A new key (returned once, to its creator) and its record.</summary>
    public static (string Key, ManagedApiKey Record) Create(string project, string role, string? name, string actor, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ManagedApiKey
        {
            Id = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Project = project,
            Role = role,
            Name = name,
            Prefix = key[..ShownCharacters],
            Hash = SHA256.HashData(Encoding.UTF8.GetBytes(key)),
            CreatedAt = now,
            CreatedBy = actor,
            ExpiresAt = expiresAt,
        };
        return (key, record);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
