using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Notifications;

/// <summary>The <c>X-AgentOps-Signature</c> header: <c>sha256=</c> and the hex HMAC-SHA256 of the body with the channel's secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-AgentOps-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Checks a signature in constant time (for receivers and tests).</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
