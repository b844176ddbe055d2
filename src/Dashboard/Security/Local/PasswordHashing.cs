using Microsoft.AspNetCore.Identity;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// Passwords are kept only as ASP.NET Core Identity V3 hashes: PBKDF2 with HMAC-SHA512, 100,000 iterations, a 128-bit
/// random salt, all in one base64 string. Verification is constant-time (the hasher compares with FixedTimeEquals).
/// </summary>
public static class PasswordHashing
{
    /// <summary>The shortest password <c>hash-password</c> accepts.</summary>
    public const int MinimumLength = 12;

    private const byte V3FormatMarker = 0x01;
    private static readonly PasswordHasher<LocalUser> Hasher = new();
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Spends the time of one verification for a user name that does not exist, so that the answer's timing does not
    /// tell which names are real.
    /// </summary>
    public static void VerifyDecoy(string password) => Verify(DecoyHash.Value, password);

    /// <summary>True for a well-formed V3 hash (older V2 hashes use 1,000 SHA-1 iterations and are refused).</summary>
    public static bool IsV3(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 + 32 && bytes[0] == V3FormatMarker;
    }
}
