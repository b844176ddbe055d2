using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using AgentOps.Grains.Tests.Redaction;

namespace AgentOps.Durability.Tests.Redaction;

/// <summary>
/// Finds secrets of the corpus in any text or bytes, however they were encoded on the way: JSON escapes and line breaks
/// are undone and only letters and digits compared, and bytes are also tried as Brotli (journal rows, run blobs).
/// </summary>
internal sealed partial class SecretScanner(IReadOnlyList<Secret> secrets)
{
    private readonly List<(Secret Secret, string Fingerprint)> _fingerprints =
        secrets.Select(s => (s, Normalize(s.Value))).Where(f => f.Item2.Length >= 10).ToList();

    /// <summary>Secrets whose fingerprint is too short to search for without false alarms (none expected).</summary>
    public IEnumerable<Secret> Unsearchable => secrets.Where(s => Normalize(s.Value).Length < 10);

    /// <summary>"type in where" for every secret found.</summary>
    public List<string> Findings { get; } = [];

    public void Scan(string where, string text)
    {
        var normalized = Normalize(JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()));
        foreach (var (secret, fingerprint) in _fingerprints)
        {
            if (normalized.Contains(fingerprint, StringComparison.Ordinal))
            {
                Findings.Add($"{secret.Type} in {where}");
            }
        }
    }

    public void Scan(string where, byte[] bytes)
    {
        Scan(where, Encoding.Latin1.GetString(bytes));
        Scan(where, Encoding.UTF8.GetString(bytes));
        if (TryBrotli(bytes) is { } plain)
        {
            Scan(where + " (brotli)", Encoding.UTF8.GetString(plain));
        }
    }

    private static byte[]? TryBrotli(byte[] bytes)
    {
        try
        {
            using var output = new MemoryStream();
            using (var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress))
            {
                brotli.CopyTo(output);
            }

            return output.Length > 0 ? output.ToArray() : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Normalize(string text) => string.Concat(text.Where(char.IsAsciiLetterOrDigit));

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();
}
