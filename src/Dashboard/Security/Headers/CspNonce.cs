using System.Security.Cryptography;

namespace AgentOps.Dashboard.Security.Headers;

/// <summary>The per-request nonce of the one inline script the page has (Blazor's import map).</summary>
public static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>The request's nonce, made on first use.</summary>
    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        // Hex rather than base64: no '+' or '/' for the HTML encoder to rewrite in the script's nonce attribute.
        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}
