using System.Globalization;
using System.Text.RegularExpressions;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Pricing;
using AgentOps.Redaction;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Ingest;

/// <summary>
/// Turns a draft into a normalized <see cref="AgentEvent"/> (timestamp resolved, cost priced, content truncated)
/// or explains, with a stable code and the field, why it is rejected. Nothing is ever silently rewritten:
/// a bad value is an error, not a default.
/// </summary>
public sealed partial class EventValidator(PriceTable prices, IOptions<IngestOptions> options, EventRedactor redactor, IdentifierPseudonyms pseudonyms)
{
    /// <summary>The most tokens of one kind a call may report.</summary>
    public const long MaxTokensPerCall = 1_000_000_000;

    public (AgentEvent? Event, ItemError? Error) Validate(EventDraft d, int index, DateTimeOffset now)
    {
        try
        {
            return (Build(d, now), null);
        }
        catch (InvalidEventException ex)
        {
            // Errors echo what was sent; they are answered and logged, so they are redacted like the events.
            return (null, new ItemError(index, redactor.Text.Redact(d.Id), ex.Code, redactor.Text.Redact(ex.Message)!, ex.Field));
        }
    }

    private AgentEvent Build(EventDraft d, DateTimeOffset now)
    {
        if (d.ReadError is { } readError)
        {
            throw new InvalidEventException(readError.Code, readError.Field, readError.Message);
        }

        var id = RequiredId(d.Id, "id");
        var type = WireNames.TryParseEventType(Required(d.Type, "type"), out var t)
            ? t
            : throw new InvalidEventException(ItemErrorCodes.UnknownType, "type", $"Unknown type '{d.Type}'; expected run_started, llm_call, tool_call, eval or run_finished.");
        var timestamp = Timestamp(d.Timestamp, now);
        var e = new AgentEvent
        {
            Id = id,
            Type = type,
            Timestamp = timestamp,
            AgentId = RequiredId(d.AgentId, "agentId"),
            RunId = RequiredId(d.RunId, "runId"),
            RouteId = OptionalId(d.RouteId, "routeId"),
            UserId = pseudonyms.Pseudonym(OptionalId(d.UserId, "userId")),
            AgentVersion = Name(d.AgentVersion, "agentVersion"),
            Attributes = Attributes(d.Attributes),
            Input = d.Input,
            Output = d.Output,
        };

        var built = type switch
        {
            EventType.LlmCall => LlmCall(d, e),
            EventType.ToolCall => ToolCall(d, e),
            EventType.Eval => Eval(d, e),
            EventType.RunFinished => e with
            {
                Outcome = WireNames.TryParseRunOutcome(Required(d.Outcome, "outcome"), out var outcome)
                    ? outcome
                    : throw Invalid("outcome", $"'{d.Outcome}' is not an outcome; expected success, failure or abandoned."),
            },
            _ => e,
        };

        // Redact before truncating: a secret cut in half at the limit would no longer be recognised.
        var redacted = redactor.Redact(built);
        var max = options.Value.MaxStepContentChars;
        return redacted.Input?.Length > max || redacted.Output?.Length > max
            ? redacted with { Input = Content(redacted.Input), Output = Content(redacted.Output) }
            : redacted;
    }

    private AgentEvent LlmCall(EventDraft d, AgentEvent e)
    {
        var model = Name(Required(d.Model, "model"), "model")!;
        var input = Tokens(d.InputTokens, "inputTokens");
        var cached = Tokens(d.CachedInputTokens, "cachedInputTokens");
        var output = Tokens(d.OutputTokens, "outputTokens");
        if (cached > input)
        {
            throw Invalid("cachedInputTokens", $"cachedInputTokens ({cached}) cannot exceed inputTokens ({input}): cached tokens are a part of the input.");
        }

        var status = Status(d.Status, allowDenied: false);
        long costNanos;
        var unpriced = false;
        if (d.CostUsd is { } costUsd)
        {
            costNanos = Cost(costUsd);
        }
        else if (prices.CostNanos(model, input, output, cached) is { } priced)
        {
            costNanos = priced;
        }
        else
        {
            costNanos = 0;
            unpriced = true;
        }

        return e with
        {
            Model = model,
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CostNanos = costNanos,
            Unpriced = unpriced,
            LatencyMs = Latency(d.LatencyMs),
            Status = status,
            ErrorType = Name(d.ErrorType, "errorType"),
            Attempt = Attempt(d.Attempt),
        };
    }

    private static AgentEvent ToolCall(EventDraft d, AgentEvent e) => e with
    {
        Tool = Name(Required(d.Tool, "tool"), "tool"),
        Action = d.Action is null ? ToolAction.Other
            : WireNames.TryParseToolAction(d.Action, out var action) ? action
            : throw Invalid("action", $"'{d.Action}' is not an action; expected read, write, execute or other."),
        Target = Text(d.Target, "target", EventLimits.MaxTargetLength),
        Status = Status(d.Status, allowDenied: true),
        ErrorType = Name(d.ErrorType, "errorType"),
        Approved = d.Approved,
        LatencyMs = Latency(d.LatencyMs),
        Attempt = Attempt(d.Attempt),
        CostNanos = d.CostUsd is { } cost ? Cost(cost) : 0,
    };

    private static AgentEvent Eval(EventDraft d, AgentEvent e)
    {
        var score = d.Score ?? throw Missing("score");
        if (score is not (>= 0 and <= 1)) // NaN fails this too
        {
            throw Invalid("score", $"score must be between 0 and 1 (got {score.ToString(CultureInfo.InvariantCulture)}).");
        }

        return e with
        {
            Rubric = Name(Required(d.Rubric, "rubric"), "rubric"),
            Score = score,
            Passed = d.Passed,
            Evaluator = Name(d.Evaluator, "evaluator"),
        };
    }

    private static DateTimeOffset Timestamp(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return now;
        }

        if (!Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            throw Invalid("timestamp", $"'{Shorten(text)}' is not an RFC 3339 time such as 2025-01-31T12:00:00Z.");
        }

        if (timestamp < now - EventLimits.MaxAge)
        {
            throw new InvalidEventException(ItemErrorCodes.TooOld, "timestamp", $"Events older than {EventLimits.MaxAge.TotalDays:0} days are not accepted ({text}).");
        }

        if (timestamp > now + EventLimits.MaxFutureSkew)
        {
            throw new InvalidEventException(ItemErrorCodes.InFuture, "timestamp", $"The timestamp {text} is more than {EventLimits.MaxFutureSkew.TotalMinutes:0} minutes in the future.");
        }

        return timestamp.ToUniversalTime();
    }

    private static string Required(string? value, string field) =>
        value ?? throw Missing(field);

    private static string RequiredId(string? value, string field) =>
        OptionalId(value ?? throw Missing(field), field)!;

    private static string? OptionalId(string? value, string field) =>
        value is null || EntityIds.IsValid(value)
            ? value
            : throw new InvalidEventException(ItemErrorCodes.InvalidId, field, $"{field} {EntityIds.Explain(value)}.");

    private static string? Name(string? value, string field) => Text(value, field, EventLimits.MaxNameLength);

    private static string? Text(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > maxLength)
        {
            throw new InvalidEventException(ItemErrorCodes.TooLong, field, $"{field} must be 1 to {maxLength} characters (got {value.Length}).");
        }

        return value.Any(char.IsControl) ? throw Invalid(field, $"{field} must not contain control characters.") : value;
    }

    private static IReadOnlyDictionary<string, string>? Attributes(Dictionary<string, string>? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        foreach (var (key, value) in attributes)
        {
            Text(key, "attributes", EventLimits.MaxAttributeKeyLength);
            if (value.Length > EventLimits.MaxAttributeValueLength)
            {
                throw new InvalidEventException(ItemErrorCodes.TooLong, $"attributes.{key}", $"Attribute values are at most {EventLimits.MaxAttributeValueLength} characters.");
            }
        }

        return attributes;
    }

    private string? Content(string? text)
    {
        var max = options.Value.MaxStepContentChars;
        return text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max), $"…[truncated {text.Length - max} chars]");
    }

    /// <summary>At most a billion tokens per call: no model takes more, and the price of more could overflow the cost.</summary>
    private static long Tokens(long? value, string field) =>
        value is null or (>= 0 and <= MaxTokensPerCall) ? value ?? 0 : throw Invalid(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be 0 to {MaxTokensPerCall:N0} (got {value})."));

    private static long Cost(double usd) =>
        usd >= 0 && usd < 1_000_000 ? Money.ToNanos(usd) : throw Invalid("costUsd", "costUsd must be between 0 and 1,000,000.");

    private static long? Latency(double? ms) =>
        ms is null ? null : ms >= 0 ? (long)Math.Round(ms.Value) : throw Invalid("latencyMs", "latencyMs must be 0 or more.");

    private static int Attempt(long? attempt) =>
        attempt is null ? 1 : attempt is >= 1 and <= 10_000 ? (int)attempt : throw Invalid("attempt", $"attempt must be between 1 and 10000 (got {attempt}).");

    private static CallStatus Status(string? status, bool allowDenied)
    {
        if (status is null)
        {
            return CallStatus.Ok;
        }

        return WireNames.TryParseCallStatus(status, out var parsed) && (allowDenied || parsed != CallStatus.Denied)
            ? parsed
            : throw Invalid("status", allowDenied ? $"'{status}' is not a status; expected ok, error or denied." : $"'{status}' is not a status; expected ok or error.");
    }

    private static InvalidEventException Missing(string field) =>
        new(ItemErrorCodes.MissingField, field, $"'{field}' is required.");

    private static InvalidEventException Invalid(string field, string message) =>
        new(ItemErrorCodes.InvalidValue, field, message);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    private sealed class InvalidEventException(string code, string field, string message) : Exception(message)
    {
        public string Code { get; } = code;
        public string Field { get; } = field;
    }
}
