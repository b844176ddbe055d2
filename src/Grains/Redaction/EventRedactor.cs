using AgentOps.Events;
using AgentOps.Policy;
using Microsoft.Extensions.Options;

namespace AgentOps.Redaction;

/// <summary>
/// Redacts an <see cref="AgentEvent"/> before it is stored, streamed, logged or put in an alert: first the
/// <see cref="RedactionOptions.FieldRules"/>, then the <see cref="TextRedactor"/> on every free-text field.
/// </summary>
/// <remarks>
/// <para>
/// Free text (scanned): <see cref="AgentEvent.Input"/>, <see cref="AgentEvent.Output"/>, <see cref="AgentEvent.Target"/>,
/// <see cref="AgentEvent.ErrorType"/> and the values of <see cref="AgentEvent.Attributes"/>. These carry prompts,
/// completions, tool arguments and results, resource URLs and error messages, where secrets and personal data turn up.
/// </para>
/// <para>
/// Identifiers (never changed): <see cref="AgentEvent.Id"/>, <see cref="AgentEvent.AgentId"/>, <see cref="AgentEvent.RunId"/>,
/// <see cref="AgentEvent.RouteId"/>, <see cref="AgentEvent.UserId"/>, <see cref="AgentEvent.AgentVersion"/>,
/// <see cref="AgentEvent.Model"/>, <see cref="AgentEvent.Tool"/>, <see cref="AgentEvent.Rubric"/>,
/// <see cref="AgentEvent.Evaluator"/>, <see cref="AgentEvent.Violations"/> and attribute keys. They are grain keys,
/// price-table and policy lookups, or chart series; rewriting them would merge distinct users or agents into one
/// <c>[REDACTED:email]</c>. A sender that uses e-mail addresses as user ids should send a pseudonym instead.
/// </para>
/// <para>
/// The target is redacted before the autonomy policy is judged, so a target glob sees the redacted target; a finding
/// replaces only the secret (e.g. the <c>sig=</c> value of a URL), so ordinary targets are unchanged.
/// </para>
/// <para>Immutable and thread-safe; returns the same instance when nothing changed.</para>
/// </remarks>
public sealed class EventRedactor
{
    private static readonly string FieldReplacement = RedactionTypes.Replacement(RedactionTypes.Field);

    private readonly CompiledFieldRule[] _rules;
    private readonly bool _enabled;

    /// <summary>A redactor applying <paramref name="options"/>' field rules and then <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">A field rule is invalid.</exception>
    public EventRedactor(TextRedactor text, RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        Text = text;
        _enabled = options.Enabled && text.Enabled;
        var rules = new List<CompiledFieldRule>();
        foreach (var rule in options.FieldRules ?? [])
        {
            rules.Add(CompiledFieldRule.Parse(rule, out var error) ?? throw new ArgumentException(error, nameof(options)));
        }

        _rules = [.. rules];
    }

    /// <summary>A redactor with the bound options.</summary>
    public EventRedactor(TextRedactor text, IOptions<RedactionOptions> options)
        : this(text, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>The text redactor used on free-text fields (also the one to use for logs and alert text).</summary>
    public TextRedactor Text { get; }

    /// <summary>The event with field rules applied and secrets redacted; the same instance when nothing changed.</summary>
    public AgentEvent Redact(AgentEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!_enabled)
        {
            return e;
        }

        var input = Field(e, RedactedField.Input, e.Input);
        var output = Field(e, RedactedField.Output, e.Output);
        var target = Field(e, RedactedField.Target, e.Target);
        var errorType = Field(e, RedactedField.ErrorType, e.ErrorType);
        var attributes = Attributes(e);
        if (ReferenceEquals(input, e.Input) && ReferenceEquals(output, e.Output) && ReferenceEquals(target, e.Target)
            && ReferenceEquals(errorType, e.ErrorType) && ReferenceEquals(attributes, e.Attributes))
        {
            return e;
        }

        return e with { Input = input, Output = output, Target = target, ErrorType = errorType, Attributes = attributes };
    }

    /// <summary>Redacts every event of a batch in place.</summary>
    public void Redact(Span<AgentEvent> events)
    {
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Redact(events[i]);
        }
    }

    private string? Field(AgentEvent e, RedactedField field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Decide(e, field, null) switch
        {
            FieldDecision.Drop => null,
            FieldDecision.Redact => FieldReplacement,
            _ => Text.Redact(value),
        };
    }

    private IReadOnlyDictionary<string, string>? Attributes(AgentEvent e)
    {
        var attributes = e.Attributes;
        if (attributes is null || attributes.Count == 0)
        {
            return attributes;
        }

        Dictionary<string, string>? copy = null;
        var index = 0;
        if (attributes is Dictionary<string, string> dictionary)
        {
            foreach (var (key, value) in dictionary) // the struct enumerator: no allocation on the clean path
            {
                Attribute(e, attributes, key, value, index++, ref copy);
            }
        }
        else
        {
            foreach (var (key, value) in attributes)
            {
                Attribute(e, attributes, key, value, index++, ref copy);
            }
        }

        return copy ?? attributes;
    }

    /// <summary>Redacts one attribute; on the first change, starts a copy holding the attributes before it.</summary>
    private void Attribute(AgentEvent e, IReadOnlyDictionary<string, string> attributes, string key, string value, int index, ref Dictionary<string, string>? copy)
    {
        var decision = Decide(e, RedactedField.Attribute, key);
        var redacted = decision switch
        {
            FieldDecision.Drop => null,
            FieldDecision.Redact => FieldReplacement,
            _ => value is null ? null : Text.Redact(value),
        };
        if (copy is null && (decision == FieldDecision.Drop || !ReferenceEquals(redacted, value)))
        {
            copy = new Dictionary<string, string>(attributes.Count, (attributes as Dictionary<string, string>)?.Comparer ?? StringComparer.Ordinal);
            foreach (var (earlierKey, earlierValue) in attributes.Take(index))
            {
                copy[earlierKey] = earlierValue;
            }
        }

        if (copy is not null && decision != FieldDecision.Drop)
        {
            copy[key] = redacted!;
        }
    }

    /// <summary>The strictest decision of the rules that apply to this field of this event.</summary>
    private FieldDecision Decide(AgentEvent e, RedactedField field, string? attributeKey)
    {
        var decision = FieldDecision.Scan;
        foreach (var rule in _rules)
        {
            if (rule.Field == field && rule.Decision > decision && rule.AppliesTo(e)
                && (attributeKey is null || Glob.IsMatch(rule.AttributeGlob!, attributeKey)))
            {
                decision = rule.Decision;
            }
        }

        return decision;
    }
}
