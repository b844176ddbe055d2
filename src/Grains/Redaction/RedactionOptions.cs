namespace AgentOps.Redaction;

/// <summary>
/// What is redacted before an event is stored, streamed, logged or put in an alert (configuration section
/// <c>AgentOps:Redaction</c>). With the defaults every built-in detector runs on every free-text field (see
/// <see cref="EventRedactor"/>) and nothing else is changed.
/// </summary>
public sealed class RedactionOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string Section = "AgentOps:Redaction";

    /// <summary>
    /// Master switch (default <c>true</c>). When false, neither the detectors, the custom <see cref="Patterns"/> nor the
    /// <see cref="FieldRules"/> run: events, log text and alert text pass through unchanged.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Built-in detectors to switch off, by type hint (default none): any of <c>email</c>, <c>phone</c>, <c>card</c>,
    /// <c>iban</c>, <c>jwt</c>, <c>private_key</c>, <c>aws_key</c>, <c>azure_key</c>, <c>openai_key</c>,
    /// <c>anthropic_key</c>, <c>github_token</c>, <c>slack_token</c> (see <see cref="RedactionTypes"/>).
    /// </summary>
    public List<string> DisabledDetectors { get; set; } = [];

    /// <summary>
    /// Extra named regular expressions (default none); each match is replaced with <c>[REDACTED:&lt;name&gt;]</c>.
    /// They run on the same text as the built-in detectors.
    /// </summary>
    public List<RedactionPattern> Patterns { get; set; } = [];

    /// <summary>
    /// How long one custom pattern may search one text (default 100 ms, at most 10 s). Patterns that .NET's
    /// non-backtracking engine supports (no lookarounds, no backreferences, no atomic groups) run on it and take
    /// linear time; the others run on the backtracking engine under this timeout. A pattern that times out redacts
    /// the whole text it was searching (fail closed).
    /// </summary>
    public TimeSpan PatternMatchTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Rules that drop or blank a whole field of some events, e.g. "drop the input of tool <c>read_secrets</c>"
    /// (default none). They act before the detectors; when several rules hit one field the strictest action wins
    /// (<see cref="RedactionFieldAction.Drop"/> over <see cref="RedactionFieldAction.Redact"/>).
    /// </summary>
    public List<RedactionFieldRule> FieldRules { get; set; } = [];

    /// <summary>
    /// The secret of the pseudonyms that replace user ids which are themselves personal data (an e-mail address, a
    /// phone number): <c>email-</c> and 16 hex digits of HMAC-SHA256, the same for the same id, so the user's figures
    /// still add up. Without it the pseudonym is a plain hash, which a guesser of e-mail addresses could reverse.
    /// </summary>
    public string? PseudonymKey { get; set; }
}

/// <summary>A named custom pattern of <see cref="RedactionOptions.Patterns"/>.</summary>
public sealed class RedactionPattern
{
    /// <summary>
    /// The type hint put in the replacement <c>[REDACTED:&lt;name&gt;]</c>: 1 to 64 characters of letters, digits,
    /// <c>_</c>, <c>-</c> and <c>.</c>; unique among the patterns.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>A .NET regular expression; every match is replaced (culture-invariant, case-sensitive unless the pattern says <c>(?i)</c>).</summary>
    public string Pattern { get; set; } = "";
}

/// <summary>A rule of <see cref="RedactionOptions.FieldRules"/>: which field of which events, and what to do to it.</summary>
public sealed class RedactionFieldRule
{
    /// <summary>
    /// The event type the rule applies to: <c>run_started</c>, <c>llm_call</c>, <c>tool_call</c>, <c>eval</c>,
    /// <c>run_finished</c>, or <c>*</c> for all (default <c>*</c>).
    /// </summary>
    public string EventType { get; set; } = "*";

    /// <summary>
    /// Optional glob on the event's tool name (<c>*</c> any run of characters, <c>?</c> one character,
    /// case-insensitive). When set, the rule only applies to events that name a matching tool (tool calls).
    /// </summary>
    public string? Tool { get; set; }

    /// <summary>
    /// The field: <c>input</c>, <c>output</c>, <c>target</c>, <c>errorType</c>, <c>attributes.&lt;key&gt;</c> (the key
    /// may be a glob, case-insensitive) or <c>attributes.*</c> (every attribute).
    /// </summary>
    public string Field { get; set; } = "";

    /// <summary>What to do to the field (default <see cref="RedactionFieldAction.Redact"/>).</summary>
    public RedactionFieldAction Action { get; set; } = RedactionFieldAction.Redact;
}

/// <summary>What a <see cref="RedactionFieldRule"/> does to its field.</summary>
public enum RedactionFieldAction
{
    /// <summary>The value is replaced with <c>[REDACTED:field]</c>: the field is still seen to be present.</summary>
    Redact,

    /// <summary>The field is removed: a text field becomes null, an attribute is taken out of the attributes.</summary>
    Drop,
}
