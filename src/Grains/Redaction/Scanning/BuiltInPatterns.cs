using System.Text.RegularExpressions;

namespace AgentOps.Redaction;

/// <summary>
/// The regular expressions of the built-in detectors, compiled at build time. Every quantifier is bounded, every
/// token starts behind a boundary look-behind (so a start inside a run of token characters fails at once) and loops
/// are followed by characters they cannot consume, so the backtracking engine does a bounded amount of work per
/// start position: no input can make a search slow.
/// </summary>
internal static partial class BuiltInPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Token boundaries that also hold in JSON-escaped text (step content is often JSON inside a JSON string): a token
    // may start after a character outside its own class, or right after a complete escape (\n, \t, \u0022, ...),
    // but never inside an escape (after the backslash, or between \u and its four hex digits).
    private const string NotInEscape = @"(?<!\\(?:u[0-9A-Fa-f]{0,3})?)";
    private const string AfterEscape = @"(?<=\\[nrtbf])|(?<=\\u[0-9A-Fa-f]{4})";
    private const string AlnumStart = NotInEscape + @"(?:(?<![A-Za-z0-9])|" + AfterEscape + ")";
    private const string WordStart = NotInEscape + @"(?:(?<![A-Za-z0-9_])|" + AfterEscape + ")";
    private const string TokenStart = NotInEscape + @"(?:(?<![A-Za-z0-9_\-])|" + AfterEscape + ")";
    private const string EmailStart = NotInEscape + @"(?:(?<![A-Za-z0-9._%+\-])|" + AfterEscape + ")";

    // Numbers are not read out of a group of an IBAN-shaped code ("NL00 ABNA 0417 1643 00" with a wrong check).
    private const string NotInIbanGroups = @"(?<![A-Z]{2}[0-9]{2}(?: [A-Z0-9]{4}){0,7} )";
    private const string PhoneStart = NotInEscape + @"(?:(?<![\w+.\-])|" + AfterEscape + @")(?<![0-9][ \-])" + NotInIbanGroups;
    private const string CardStart = NotInEscape + @"(?:(?<![0-9.,+])|" + AfterEscape + @")(?<![0-9][ \-])" + NotInIbanGroups;

    // The backslashes of a JSON escape, once per level of JSON-in-a-JSON-string (1, 2, 4, ...).
    private const string Esc = @"\\{1,8}";

    // A quote, also JSON-escaped (\" or \u0022, \u0027) at any level.
    private const string Quote = @"(?:\\{0,8}[""']|" + Esc + "u002[27])";

    // A plus sign (also inside base64 values), also as the JSON escape \u002B that System.Text.Json writes by default.
    private const string Plus = @"(?:\+|" + Esc + "u002[Bb])";

    /// <summary>
    /// An e-mail address starting exactly where the search starts (<c>\G</c>): local part (<c>+</c> also as
    /// <c>\u002B</c>), <c>@</c>, dot-separated labels and a letter TLD. <see cref="EmailDetector"/> anchors it.
    /// </summary>
    [GeneratedRegex(@"\G" + EmailStart + @"[A-Za-z0-9._%+\-](?:[A-Za-z0-9._%+\-]|" + Esc + @"u002[Bb]){0,63}@(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9\-])", Options)]
    internal static partial Regex EmailAt();

    /// <summary>
    /// A phone number: international (<c>+</c> country code, then groups with optional separators and parentheses),
    /// North American (<c>(555) 123-4567</c>, <c>555-123-4567</c>, <c>1-800-555-0199</c>) or national with a trunk
    /// <c>0</c> and one separator kind (<c>020 7946 0958</c>, <c>01 23 45 67 89</c>, <c>(030) 1234567</c>). Not after
    /// a word character, a sign, a dot or dash (versions, ids, dates), nor after another group of digits.
    /// </summary>
    [GeneratedRegex(PhoneStart + @"(?:" + Plus + @"[1-9][0-9]{0,2}(?>(?:[ .\-]?(?:\([0-9]{1,5}\)|[0-9]{1,5})){1,6})|(?:1[ .\-])?(?:\([0-9]{3}\) ?|[0-9]{3}[ .\-])[0-9]{3}[ .\-][0-9]{4}|\(0[0-9]{1,4}\) ?(?>[0-9]{3,8})(?:[ \-](?>[0-9]{2,4})){0,3}|0[0-9]{1,4}(?<s>[ .\-])(?>[0-9]{2,8})(?:\k<s>(?>[0-9]{2,4})){0,4})(?![0-9]|[.\-][0-9])", Options)]
    internal static partial Regex Phone();

    /// <summary>13 to 19 digits with optional single spaces or dashes; not part of a longer number or a decimal fraction.</summary>
    [GeneratedRegex(CardStart + @"(?:[0-9][ \-]?){12,18}[0-9](?![0-9]|[.,][0-9])", Options)]
    internal static partial Regex CardCandidate();

    /// <summary>Two capital letters, two check digits and 11 to 30 letters or digits, optionally grouped with single spaces.</summary>
    [GeneratedRegex(AlnumStart + @"[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}", Options)]
    internal static partial Regex IbanCandidate();

    /// <summary>A JSON Web Token: base64url header starting <c>eyJ</c> (<c>{"</c>), payload and (possibly empty) signature.</summary>
    [GeneratedRegex(TokenStart + @"eyJ[A-Za-z0-9_\-]{5,4096}\.[A-Za-z0-9_\-]{2,32768}\.[A-Za-z0-9_\-]{0,4096}", Options)]
    internal static partial Regex Jwt();

    /// <summary>The first line of a PEM private key: RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... PRIVATE KEY (BLOCK).</summary>
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]{1,24} ){0,4}PRIVATE KEY(?: BLOCK)?-----", Options)]
    internal static partial Regex PrivateKeyBegin();

    /// <summary>The last line of a PEM private key, at the start of the text searched.</summary>
    [GeneratedRegex(@"\A-----END (?:[A-Z0-9]{1,24} ){0,4}PRIVATE KEY(?: BLOCK)?-----", Options)]
    internal static partial Regex PrivateKeyEnd();

    /// <summary>An AWS access key id: AKIA (long-term), ASIA (temporary), ABIA, ACCA and 16 more characters.</summary>
    [GeneratedRegex(AlnumStart + @"(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])", Options)]
    internal static partial Regex AwsAccessKeyId();

    /// <summary>
    /// An AWS secret access key after its label (<c>aws_secret_access_key = ...</c>, <c>AWS_SECRET_ACCESS_KEY=...</c>,
    /// <c>"SecretAccessKey": "..."</c>, also with JSON-escaped quotes): 40 base64 characters.
    /// </summary>
    [GeneratedRegex(@"(?i:(?:aws[_\-]?)?secret[_\-]?access[_\-]?key|aws[_\-]?secret(?:[_\-]?key)?)" + Quote + @"? {0,4}[:=] {0,4}" + Quote + @"?(?:[A-Za-z0-9/+=]|" + Esc + @"u002[Bb]){40}(?![A-Za-z0-9/+=])", Options)]
    internal static partial Regex AwsSecretAccessKey();

    /// <summary>The signature or session token of an AWS pre-signed URL or request (<c>X-Amz-Signature=</c>, <c>X-Amz-Security-Token=</c>).</summary>
    [GeneratedRegex(AlnumStart + @"(?i:x-amz-(?:signature|security-token))(?:=|: ?)(?:[A-Za-z0-9%/+=._\-]|" + Esc + @"u002[Bb]){16,8192}", Options)]
    internal static partial Regex AwsSignature();

    /// <summary>An Azure storage account key or Service Bus / Event Hubs shared access key in a connection string.</summary>
    [GeneratedRegex(@"(?i:AccountKey|SharedAccessKey)=(?:[A-Za-z0-9+/]|" + Esc + @"u002[Bb]){16,256}={0,2}", Options)]
    internal static partial Regex AzureAccountKey();

    /// <summary>The <c>sig=</c> of a shared access signature (query string or <c>SharedAccessSignature</c> token), also after a JSON-escaped <c>&amp;</c> (<c>\u0026</c>).</summary>
    [GeneratedRegex(WordStart + @"sig=(?:[A-Za-z0-9%+/=._~\-]|" + Esc + @"u002[Bb]){16,1024}", Options)]
    internal static partial Regex AzureSasSignature();

    /// <summary>An OpenAI key: <c>sk-</c>, <c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-admin-</c> ... (not <c>sk-ant-</c>).</summary>
    [GeneratedRegex(TokenStart + @"sk-(?!ant-)[A-Za-z0-9_\-]{20,1024}", Options)]
    internal static partial Regex OpenAiKey();

    /// <summary>An Anthropic key: <c>sk-ant-</c> (api03, admin01, ...).</summary>
    [GeneratedRegex(TokenStart + @"sk-ant-[A-Za-z0-9_\-]{20,1024}", Options)]
    internal static partial Regex AnthropicKey();

    /// <summary>A GitHub token: personal (<c>ghp_</c>), OAuth (<c>gho_</c>), user-to-server (<c>ghu_</c>), server-to-server (<c>ghs_</c>), refresh (<c>ghr_</c>), fine-grained (<c>github_pat_</c>).</summary>
    [GeneratedRegex(WordStart + @"(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})", Options)]
    internal static partial Regex GitHubToken();

    /// <summary>A Slack token: bot (<c>xoxb-</c>), user (<c>xoxp-</c>), app/workspace (<c>xoxa-</c>), refresh (<c>xoxr-</c>, <c>xoxe-</c>), session (<c>xoxs-</c>), legacy (<c>xoxo-</c>).</summary>
    [GeneratedRegex(TokenStart + @"xox[abeoprs]-[A-Za-z0-9\-]{10,512}", Options)]
    internal static partial Regex SlackToken();

    /// <summary>A Slack incoming-webhook or workflow URL (also with JSON-escaped slashes).</summary>
    [GeneratedRegex(@"(?:https?:(?:\\?/){2})?(?i:hooks\.slack\.com)\\?/(?:services|workflows|triggers)(?:\\?/[A-Za-z0-9_\-]{1,128}){2,4}", Options)]
    internal static partial Regex SlackWebhook();
}
