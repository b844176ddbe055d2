using System.Collections.Frozen;
using System.Text.Json;

namespace AgentOps.Silo.Ingest;

/// <summary>
/// Reads <c>{ "events": [...] }</c> or a bare array of events straight from UTF-8 with <see cref="Utf8JsonReader"/>.
/// Malformed JSON fails the batch; a wrong type inside one event only marks that event, so the rest can be accepted.
/// Unknown fields are ignored for forward compatibility.
/// </summary>
public static class EventBatchReader
{
    /// <summary>Attributes an event may carry.</summary>
    public const int MaxAttributes = 32;

    private const int MaxDepth = 16;

    private static readonly FrozenDictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> Fields =
        Enum.GetValues<Field>().ToFrozenDictionary(f => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static BatchReadResult Read(ReadOnlySpan<byte> utf8, int maxEvents)
    {
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return BatchReadResult.Fail(BatchReadFailureKind.NotABatch, "The body is empty; send {\"events\": [...]} or a JSON array of events.");
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            reader.Read();
            BatchReadResult? result = null;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                result = ReadEvents(ref reader, maxEvents);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isEvents = reader.ValueTextEquals("events"u8);
                    reader.Read();
                    if (isEvents && reader.TokenType == JsonTokenType.StartArray)
                    {
                        result = ReadEvents(ref reader, maxEvents);
                        if (result.Failure is not null)
                        {
                            return result;
                        }
                    }
                    else if (isEvents)
                    {
                        return BatchReadResult.Fail(BatchReadFailureKind.NotABatch, "'events' must be a JSON array of event objects.");
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            if (result is null)
            {
                return BatchReadResult.Fail(BatchReadFailureKind.NotABatch, "The body must be {\"events\": [...]} or a JSON array of events.");
            }

            while (reader.Read())
            {
                // Reading to the end makes the reader reject trailing data after the batch.
            }

            return result;
        }
        catch (JsonException ex)
        {
            return BatchReadResult.Fail(BatchReadFailureKind.InvalidJson, $"The body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // A member name that is not valid text (bytes that are not UTF-8, an unpaired surrogate escape): the reader
            // only finds out when it decodes the name. Values like that reject just their event (see Text).
            return BatchReadResult.Fail(BatchReadFailureKind.InvalidJson, $"The body is not valid JSON text: {ex.Message}");
        }
    }

    private static BatchReadResult ReadEvents(ref Utf8JsonReader reader, int maxEvents)
    {
        var drafts = new List<EventDraft>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (drafts.Count == maxEvents)
            {
                return BatchReadResult.Fail(BatchReadFailureKind.TooManyEvents, $"A request carries at most {maxEvents} events; split the batch.");
            }

            var draft = new EventDraft();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadEvent(ref reader, draft);
            }
            else
            {
                draft.ReadError = ("event", ItemErrorCodes.InvalidType, "Each event must be a JSON object.");
                reader.Skip();
            }

            drafts.Add(draft);
        }

        return new BatchReadResult(drafts, null);
    }

    private static void ReadEvent(ref Utf8JsonReader reader, EventDraft d)
    {
        Span<char> name = stackalloc char[32];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = reader.ValueSpan.Length <= name.Length && !reader.ValueIsEscaped
                ? Fields.TryGetValue(name[..reader.CopyString(name)], out var field)
                : TryGetFieldSlow(ref reader, out field);
            reader.Read();
            if (!known)
            {
                reader.Skip();
                continue;
            }

            switch (field)
            {
                case Field.Id: d.Id = String(ref reader, d, "id"); break;
                case Field.Type: d.Type = String(ref reader, d, "type"); break;
                case Field.Timestamp: d.Timestamp = String(ref reader, d, "timestamp"); break;
                case Field.AgentId: d.AgentId = String(ref reader, d, "agentId"); break;
                case Field.RunId: d.RunId = String(ref reader, d, "runId"); break;
                case Field.RouteId: d.RouteId = String(ref reader, d, "routeId"); break;
                case Field.UserId: d.UserId = String(ref reader, d, "userId"); break;
                case Field.AgentVersion: d.AgentVersion = String(ref reader, d, "agentVersion"); break;
                case Field.Attributes: d.Attributes = Attributes(ref reader, d); break;
                case Field.Model: d.Model = String(ref reader, d, "model"); break;
                case Field.InputTokens: d.InputTokens = Integer(ref reader, d, "inputTokens"); break;
                case Field.OutputTokens: d.OutputTokens = Integer(ref reader, d, "outputTokens"); break;
                case Field.CachedInputTokens: d.CachedInputTokens = Integer(ref reader, d, "cachedInputTokens"); break;
                case Field.CostUsd: d.CostUsd = Number(ref reader, d, "costUsd"); break;
                case Field.LatencyMs: d.LatencyMs = Number(ref reader, d, "latencyMs"); break;
                case Field.Status: d.Status = String(ref reader, d, "status"); break;
                case Field.ErrorType: d.ErrorType = String(ref reader, d, "errorType"); break;
                case Field.Attempt: d.Attempt = Integer(ref reader, d, "attempt"); break;
                case Field.Input: d.Input = String(ref reader, d, "input"); break;
                case Field.Output: d.Output = String(ref reader, d, "output"); break;
                case Field.Tool: d.Tool = String(ref reader, d, "tool"); break;
                case Field.Action: d.Action = String(ref reader, d, "action"); break;
                case Field.Target: d.Target = String(ref reader, d, "target"); break;
                case Field.Approved: d.Approved = Boolean(ref reader, d, "approved"); break;
                case Field.Rubric: d.Rubric = String(ref reader, d, "rubric"); break;
                case Field.Score: d.Score = Number(ref reader, d, "score"); break;
                case Field.Passed: d.Passed = Boolean(ref reader, d, "passed"); break;
                case Field.Evaluator: d.Evaluator = String(ref reader, d, "evaluator"); break;
                case Field.Outcome: d.Outcome = String(ref reader, d, "outcome"); break;
            }
        }
    }

    private static bool TryGetFieldSlow(ref Utf8JsonReader reader, out Field field)
    {
        try
        {
            return Fields.TryGetValue(reader.GetString().AsSpan(), out field);
        }
        catch (InvalidOperationException)
        {
            field = default;
            return false; // a name that is not valid text is no field we know: skipped like any unknown one
        }
    }

    private static string? String(ref Utf8JsonReader reader, EventDraft d, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Text(ref reader, d, field);
            case JsonTokenType.Null:
                return null;
            default:
                WrongType(ref reader, d, field, "a string");
                return null;
        }
    }

    private static long? Integer(ref Utf8JsonReader reader, EventDraft d, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        WrongType(ref reader, d, field, "an integer");
        return null;
    }

    private static double? Number(ref Utf8JsonReader reader, EventDraft d, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        WrongType(ref reader, d, field, "a finite number");
        return null;
    }

    private static bool? Boolean(ref Utf8JsonReader reader, EventDraft d, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                WrongType(ref reader, d, field, "true or false");
                return null;
        }
    }

    private static Dictionary<string, string>? Attributes(ref Utf8JsonReader reader, EventDraft d)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            WrongType(ref reader, d, "attributes", "an object of string values");
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Text(ref reader, d, "attributes");
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                WrongType(ref reader, d, $"attributes.{key}", "a string");
                continue;
            }

            if (key is null || Text(ref reader, d, $"attributes.{key}") is not { } value)
            {
                continue;
            }

            attributes[key] = value;
            if (attributes.Count > MaxAttributes)
            {
                d.ReadError ??= ("attributes", ItemErrorCodes.TooManyAttributes, $"An event carries at most {MaxAttributes} attributes.");
            }
        }

        return attributes;
    }

    /// <summary>
    /// The string at the reader; null, with the item's error, when it is not valid text (an unpaired surrogate escape
    /// such as <c>"\ud800"</c>, or bytes that are not UTF-8), which the reader only finds when it decodes the string.
    /// </summary>
    private static string? Text(ref Utf8JsonReader reader, EventDraft d, string field)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            d.ReadError ??= (field, ItemErrorCodes.InvalidValue, $"'{field}' is not valid Unicode text (an unpaired surrogate escape, or bytes that are not UTF-8).");
            return null;
        }
    }

    private static void WrongType(ref Utf8JsonReader reader, EventDraft d, string field, string expected)
    {
        d.ReadError ??= (field, ItemErrorCodes.InvalidType, $"'{field}' must be {expected}, not {Describe(reader.TokenType)}.");
        reader.Skip();
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "this number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString().ToLowerInvariant(),
    };

    private enum Field
    {
        Id, Type, Timestamp, AgentId, RunId, RouteId, UserId, AgentVersion, Attributes,
        Model, InputTokens, OutputTokens, CachedInputTokens, CostUsd, LatencyMs, Status, ErrorType, Attempt, Input, Output,
        Tool, Action, Target, Approved, Rubric, Score, Passed, Evaluator, Outcome,
    }
}
