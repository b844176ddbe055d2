namespace AgentOps.Redaction;

/// <summary>
/// The type hints of the built-in detectors: a match is replaced with <c>[REDACTED:&lt;type&gt;]</c>, and
/// <see cref="RedactionOptions.DisabledDetectors"/> names detectors by these.
/// </summary>
public static class RedactionTypes
{
    /// <summary>E-mail addresses.</summary>
    public const string Email = "email";

    /// <summary>Phone numbers: E.164 and international <c>+</c> forms, common national forms with separators.</summary>
    public const string Phone = "phone";

    /// <summary>Payment card numbers (13 to 19 digits of a known card range, Luhn-checked).</summary>
    public const string Card = "card";

    /// <summary>IBANs (known country and length, ISO 13616 mod-97 checked).</summary>
    public const string Iban = "iban";

    /// <summary>JSON Web Tokens.</summary>
    public const string Jwt = "jwt";

    /// <summary>PEM private-key blocks (PKCS#1, PKCS#8, EC, OpenSSH, encrypted, PGP).</summary>
    public const string PrivateKey = "private_key";

    /// <summary>AWS access key ids, labelled secret access keys, pre-signed URL signatures and session tokens.</summary>
    public const string AwsKey = "aws_key";

    /// <summary>Azure storage account and shared access keys in connection strings, SAS signatures.</summary>
    public const string AzureKey = "azure_key";

    /// <summary>OpenAI API keys.</summary>
    public const string OpenAiKey = "openai_key";

    /// <summary>Anthropic API keys.</summary>
    public const string AnthropicKey = "anthropic_key";

    /// <summary>GitHub tokens (classic, OAuth, app, refresh, fine-grained).</summary>
    public const string GitHubToken = "github_token";

    /// <summary>Slack tokens and incoming-webhook URLs.</summary>
    public const string SlackToken = "slack_token";

    /// <summary>The type hint of a field blanked by a <see cref="RedactionFieldRule"/>.</summary>
    public const string Field = "field";

    /// <summary>Every built-in detector's type hint.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } =
        [Email, Phone, Card, Iban, Jwt, PrivateKey, AwsKey, AzureKey, OpenAiKey, AnthropicKey, GitHubToken, SlackToken];

    /// <summary>The replacement text for a type hint: <c>[REDACTED:&lt;type&gt;]</c>.</summary>
    public static string Replacement(string type) => "[REDACTED:" + type + "]";
}
