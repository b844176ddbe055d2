using AgentOps.Events;
using AgentOps.Policy;

namespace AgentOps.Redaction;

/// <summary>The field a <see cref="RedactionFieldRule"/> names.</summary>
internal enum RedactedField : byte
{
    Input,
    Output,
    Target,
    ErrorType,
    Attribute,
}

/// <summary>What the field rules decided for one field of one event (ordered: a stricter decision is larger).</summary>
internal enum FieldDecision : byte
{
    Scan,
    Redact,
    Drop,
}

/// <summary>A parsed <see cref="RedactionFieldRule"/>.</summary>
internal sealed record CompiledFieldRule(EventType? Type, string? ToolGlob, RedactedField Field, string? AttributeGlob, RedactionFieldAction Action)
{
    /// <summary>Parses a rule; null with an error when it is malformed.</summary>
    public static CompiledFieldRule? Parse(RedactionFieldRule rule, out string? error)
    {
        error = null;
        EventType? type = null;
        if (rule.EventType != "*")
        {
            if (!WireNames.TryParseEventType(rule.EventType, out var parsed))
            {
                error = $"EventType '{rule.EventType}' is not one of run_started, llm_call, tool_call, eval, run_finished or *.";
                return null;
            }

            type = parsed;
        }

        if (rule.Tool is not null && string.IsNullOrWhiteSpace(rule.Tool))
        {
            error = "Tool must be a glob or absent.";
            return null;
        }

        if (!Enum.IsDefined(rule.Action))
        {
            error = $"Action '{rule.Action}' is not drop or redact.";
            return null;
        }

        var field = rule.Field?.Trim() ?? "";
        const string AttributePrefix = "attributes.";
        RedactedField? named = field.ToLowerInvariant() switch
        {
            "input" => RedactedField.Input,
            "output" => RedactedField.Output,
            "target" => RedactedField.Target,
            "errortype" or "error_type" => RedactedField.ErrorType,
            _ => null,
        };
        if (named is { } simple)
        {
            return new CompiledFieldRule(type, rule.Tool, simple, null, rule.Action);
        }

        if (field.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase) && field.Length > AttributePrefix.Length)
        {
            return new CompiledFieldRule(type, rule.Tool, RedactedField.Attribute, field[AttributePrefix.Length..], rule.Action);
        }

        error = $"Field '{rule.Field}' is not input, output, target, errorType, attributes.<key> or attributes.*.";
        return null;
    }

    /// <summary>True when the rule applies to the event (type and tool).</summary>
    public bool AppliesTo(AgentEvent e) =>
        (Type is null || Type == e.Type) && (ToolGlob is null || (e.Tool is not null && Glob.IsMatch(ToolGlob, e.Tool)));

    public FieldDecision Decision => Action == RedactionFieldAction.Drop ? FieldDecision.Drop : FieldDecision.Redact;
}
