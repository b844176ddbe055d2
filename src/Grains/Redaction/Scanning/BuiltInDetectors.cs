namespace AgentOps.Redaction;

/// <summary>The built-in detectors with their pre-filters, in the order they run.</summary>
internal static class BuiltInDetectors
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    /// <summary>Every built-in detector (immutable and thread-safe; shared by all redactors).</summary>
    public static IReadOnlyList<Detector> All { get; } =
    [
        new PrivateKeyDetector(),
        new RegexDetector(RedactionTypes.Jwt, BuiltInPatterns.Jwt(), markers: ["eyJ"]),
        new RegexDetector(RedactionTypes.AwsKey, BuiltInPatterns.AwsAccessKeyId(), markers: ["AKIA", "ASIA", "ABIA", "ACCA"]),
        new RegexDetector(RedactionTypes.AwsKey, BuiltInPatterns.AwsSecretAccessKey(), Checks.ValueAfterLabel,
            ["secret_access", "secretaccess", "secret-access", "aws_secret", "aws-secret", "awssecret"], IgnoreCase) { MarkerBackoff = 4 },
        new RegexDetector(RedactionTypes.AwsKey, BuiltInPatterns.AwsSignature(), Checks.ValueAfterLabel,
            ["x-amz-signature", "x-amz-security-token"], IgnoreCase),
        new RegexDetector(RedactionTypes.AzureKey, BuiltInPatterns.AzureAccountKey(), Checks.ValueAfterLabel,
            ["accountkey=", "sharedaccesskey="], IgnoreCase),
        new RegexDetector(RedactionTypes.AzureKey, BuiltInPatterns.AzureSasSignature(), Checks.ValueAfterLabel, ["sig="]),
        new RegexDetector(RedactionTypes.AnthropicKey, BuiltInPatterns.AnthropicKey(), markers: ["sk-ant-"]),
        new RegexDetector(RedactionTypes.OpenAiKey, BuiltInPatterns.OpenAiKey(), Checks.RandomLooking, ["sk-"]),
        new RegexDetector(RedactionTypes.GitHubToken, BuiltInPatterns.GitHubToken(), markers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
        new RegexDetector(RedactionTypes.SlackToken, BuiltInPatterns.SlackToken(), markers: ["xoxa-", "xoxb-", "xoxe-", "xoxo-", "xoxp-", "xoxr-", "xoxs-"]),
        new RegexDetector(RedactionTypes.SlackToken, BuiltInPatterns.SlackWebhook(), markers: ["hooks.slack.com"], markerComparison: IgnoreCase) { MarkerBackoff = 16 },
        new EmailDetector(),

        // Windows around groups of digits: IBAN letters (country, bank code) come before the digits and after them,
        // a phone number's "+" (or its escape) and "(" before; 2 more characters for the look-aheads.
        new RegexDetector(RedactionTypes.Iban, BuiltInPatterns.IbanCandidate(), Checks.Iban) { MinDigits = 8, WindowBefore = 16, WindowAfter = 72 },
        new RegexDetector(RedactionTypes.Card, BuiltInPatterns.CardCandidate(), Checks.Card) { MinDigits = 13, WindowBefore = 0, WindowAfter = 2 },
        new RegexDetector(RedactionTypes.Phone, BuiltInPatterns.Phone(), Checks.Phone) { MinDigits = 8, WindowBefore = 16, WindowAfter = 2 },
    ];
}
