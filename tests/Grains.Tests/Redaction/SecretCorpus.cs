using System.Security.Cryptography;
using System.Text;
using AgentOps.Redaction;

namespace AgentOps.Grains.Tests.Redaction;

/// <summary>
/// Realistic secrets of every built-in detector's kind, valid where a check applies (Luhn-valid test cards, IBANs with
/// correct check digits, well-formed JWTs, real PEM keys generated here), and text that must be left alone.
/// </summary>
internal static class SecretCorpus
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alnum = Upper + "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64Url = Alnum + "-_";
    private const string Base64 = Alnum + "+/";
    private const string Hex = "0123456789abcdef";

    private static readonly Lazy<IReadOnlyList<Secret>> AllSecrets = new(Build);

    /// <summary>Every secret: its type hint, the label kept before it (labelled secrets), and the secret itself.</summary>
    public static IReadOnlyList<Secret> All => AllSecrets.Value;

    /// <summary>The secrets as xunit theory data: index into <see cref="All"/> and type hint.</summary>
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < All.Count; i++)
        {
            data.Add(i, All[i].Type);
        }

        return data;
    }

    /// <summary>Text with ids, dates, times, versions, token counts, money, near-misses: nothing to redact.</summary>
    public static TheoryData<string> Clean() =>
    [
        "The quick brown fox jumps over the lazy dog.",
        "order ORD-2024-000123 shipped; order 48213377 pending",
        "run 550e8400-e29b-41d4-a716-446655440000 finished",
        "started 2024-06-10T12:30:45.123Z, ended 2024-06-10 12:31:02+02:00",
        "dates 10/06/2024, 06.10.2024 14:30 and 01.02.2024 12:30 UTC; at 12:30:45",
        "input_tokens: 12000, output_tokens: 3400, cached: 128000 (1,234,567 tokens this week)",
        "price $1,234.56, € 1 234,56, USD 12,345,678.90, 4111 USD",
        "Orleans 10.4.2 on .NET SDK 10.0.401, package 1.2.3-beta.4, build 20240610.3",
        "host 192.168.100.200 port 5000, lat 52.5200 lon 13.4050",
        "non-Luhn 4111111111111112 and 1234567890123456, epoch 1718022645123",
        "scores 0.4285714285714285 and 0.8333333333333334",
        "IBANs with bad check digits: DE00370400440532013000, GB00WEST12345698765432, NL00 ABNA 0417 1643 00",
        "task-manager, disk-usage-analysis-report-2024, risk-assessment-for-quarterly-planning, mask-rcnn",
        "sk-learn-compatible-pipeline-step is a word, not a key",
        "keyJar, ASIAN markets, the AKIA prefix, xoxo from Anna, ghp_short, sig=short",
        "user@localhost, @property, npm i @types/node@20.11.5",
        "+15% growth, +1234 lines, call ext. 1234",
        "sha a94a8fe5ccb19ba61c4c0873d391e987982fbbd3, hex 0x7fffffffffffffff",
        "{\"path\":\"src/app/main.py\",\"line\":120,\"limit\":4096,\"timeoutMs\":30000}",
        "docs at https://api.slack.com/messaging/webhooks and https://example.com/?q=signature",
    ];

    private static List<Secret> Build()
    {
        var secrets = new List<Secret>();
        void Add(string type, string value, string label = "") => secrets.Add(new Secret(type, label, value));

        foreach (var email in new[] { "jane.doe@example.com", "ops+alerts@mail.contoso.co.uk", "j_smith-99@sub.example.org", "A.B@EXAMPLE.IO" })
        {
            Add(RedactionTypes.Email, email);
        }

        foreach (var phone in new[]
                 {
                     "+1 (415) 555-2671", "+14155552671", "+44 20 7946 0958", "+49 30 12345678", "+33 1 23 45 67 89",
                     "+91 98765 43210", "(415) 555-2671", "415-555-2671", "415.555.2671", "1-800-555-0199", "020 7946 0958",
                     "07700 900123", "01 23 45 67 89", "(030) 1234567", "030 12345678",
                 })
        {
            Add(RedactionTypes.Phone, phone);
        }

        foreach (var card in new[]
                 {
                     "4111111111111111", "4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "3782 822463 10005",
                     "6011111111111117", "3530111333300000", "5105105105105100", "4012888888881881", "2223003122003222",
                     "30569309025904", "6200000000000005", "4222222222222",
                 })
        {
            Add(RedactionTypes.Card, card);
        }

        foreach (var iban in new[]
                 {
                     "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "GB33 BUKB 2020 1555 5555 55",
                     "FR1420041010050500013M02606", "NL91ABNA0417164300", "CH9300762011623852957", "ES9121000418450200051332",
                     "IT60X0542811101000000123456", "BE68539007547034", "NO9386011117947",
                 })
        {
            Add(RedactionTypes.Iban, iban);
        }

        Add(RedactionTypes.Jwt, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
        Add(RedactionTypes.Jwt, Jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"ana\",\"scope\":\"orders:write\",\"exp\":1893456000}", 1));
        Add(RedactionTypes.Jwt, Jwt("{\"alg\":\"RS256\",\"kid\":\"k-2024\"}", "{\"iss\":\"https://login.example.com/\",\"aud\":\"api\",\"roles\":[\"admin\",\"ops\"],\"name\":\"Ana Lima\"}", 2));
        Add(RedactionTypes.Jwt, Jwt("{\"alg\":\"none\"}", "{\"sub\":\"x\"}", 0));

        using (var rsa = RSA.Create(2048))
        {
            Add(RedactionTypes.PrivateKey, rsa.ExportRSAPrivateKeyPem());
            Add(RedactionTypes.PrivateKey, rsa.ExportPkcs8PrivateKeyPem());
            Add(RedactionTypes.PrivateKey, rsa.ExportEncryptedPkcs8PrivateKeyPem("hunter2", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)));
        }

        using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            Add(RedactionTypes.PrivateKey, ec.ExportECPrivateKeyPem().Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        Add(RedactionTypes.PrivateKey, Pem("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" + Random(10, Base64, 330), 70));
        Add(RedactionTypes.PrivateKey, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + Wrap(Random(11, Base64, 400), 64) + "\n=" + Random(12, Base64, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----");

        Add(RedactionTypes.AwsKey, "AKIAIOSFODNN7EXAMPLE");
        Add(RedactionTypes.AwsKey, "ASIA" + Random(20, Upper + "234567", 16));
        Add(RedactionTypes.AwsKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = ");
        Add(RedactionTypes.AwsKey, Random(21, Base64, 40), "AWS_SECRET_ACCESS_KEY=");
        Add(RedactionTypes.AwsKey, Random(22, Base64, 40), "\"SecretAccessKey\": \"");
        Add(RedactionTypes.AwsKey, Random(23, Hex, 64), "https://b.s3.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=");
        Add(RedactionTypes.AwsKey, "IQoJb3JpZ2luX2Vj+" + Convert.ToBase64String(Bytes(24, 96)), "x-amz-security-token: ");

        Add(RedactionTypes.AzureKey, Convert.ToBase64String(Bytes(30, 64)), "DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=");
        Add(RedactionTypes.AzureKey, Convert.ToBase64String(Bytes(31, 32)), "Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=");
        Add(RedactionTypes.AzureKey, Uri.EscapeDataString(Convert.ToBase64String(Bytes(32, 32))), "https://prodlogs.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&spr=https&sig=");
        Add(RedactionTypes.AzureKey, Uri.EscapeDataString(Convert.ToBase64String(Bytes(33, 32))), "SharedAccessSignature sr=https%3A%2F%2Fns1.servicebus.windows.net%2Fq&sig=");
        Add(RedactionTypes.AzureKey, "q+" + Convert.ToBase64String(Bytes(34, 32)), "https://prodlogs.queue.core.windows.net/q?sv=2022-11-02&sp=a&sig=");

        Add(RedactionTypes.OpenAiKey, "sk-proj-" + Random(40, Base64Url, 156));
        Add(RedactionTypes.OpenAiKey, "sk-" + Random(41, Alnum, 20) + "T3BlbkFJ" + Random(42, Alnum, 20));
        Add(RedactionTypes.OpenAiKey, "sk-svcacct-" + Random(43, Base64Url, 120));
        Add(RedactionTypes.OpenAiKey, "sk-admin-" + Random(44, Base64Url, 100));

        Add(RedactionTypes.AnthropicKey, "sk-ant-api03-" + Random(50, Base64Url, 93) + "AA");
        Add(RedactionTypes.AnthropicKey, "sk-ant-admin01-" + Random(51, Base64Url, 93) + "AA");

        foreach (var (prefix, seed) in new[] { ("ghp_", 60), ("gho_", 61), ("ghu_", 62), ("ghs_", 63), ("ghr_", 64) })
        {
            Add(RedactionTypes.GitHubToken, prefix + Random(seed, Alnum, 36));
        }

        Add(RedactionTypes.GitHubToken, "github_pat_11" + Random(65, Upper + "0123456789", 20) + "_" + Random(66, Alnum, 59));

        Add(RedactionTypes.SlackToken, "xoxb-" + Random(70, "0123456789", 12) + "-" + Random(71, "0123456789", 13) + "-" + Random(72, Alnum, 24));
        Add(RedactionTypes.SlackToken, "xoxp-" + Random(73, "0123456789", 12) + "-" + Random(74, "0123456789", 12) + "-" + Random(75, "0123456789", 13) + "-" + Random(76, Hex, 32));
        Add(RedactionTypes.SlackToken, "xoxa-2-" + Random(77, Alnum, 40));
        Add(RedactionTypes.SlackToken, "xoxr-" + Random(78, Alnum, 40));
        Add(RedactionTypes.SlackToken, "xoxs-" + Random(79, Alnum, 40));
        Add(RedactionTypes.SlackToken, "https://hooks.slack.com/services/T" + Random(80, Upper + "0123456789", 8) + "/B" + Random(81, Upper + "0123456789", 10) + "/" + Random(82, Alnum, 24));
        return secrets;
    }

    private static string Jwt(string header, string payload, int signatureSeed)
    {
        var signingInput = B64Url(Encoding.UTF8.GetBytes(header)) + "." + B64Url(Encoding.UTF8.GetBytes(payload));
        var signature = signatureSeed == 0 ? "" : B64Url(HMACSHA256.HashData(Bytes(signatureSeed, 32), Encoding.ASCII.GetBytes(signingInput)));
        return signingInput + "." + signature;
    }

    private static string Pem(string label, string body, int width) =>
        $"-----BEGIN {label}-----\n{Wrap(body, width)}\n-----END {label}-----";

    private static string Wrap(string text, int width) =>
        string.Join('\n', Enumerable.Range(0, (text.Length + width - 1) / width).Select(i => text.Substring(i * width, Math.Min(width, text.Length - (i * width)))));

    private static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Bytes(int seed, int count)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Random(int seed, string alphabet, int length)
    {
        var random = new Random(seed);
        return string.Create(length, (random, alphabet), static (span, s) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = s.alphabet[s.random.Next(s.alphabet.Length)];
            }
        });
    }
}

/// <summary>A secret of the corpus: its type hint, the label that stays, and the value that must go.</summary>
internal sealed record Secret(string Type, string Label, string Value)
{
    /// <summary>The label and the secret, as they appear in text.</summary>
    public string Text => Label + Value;

    /// <summary>What <see cref="Text"/> must become.</summary>
    public string Expected => Label + RedactionTypes.Replacement(Type);
}
