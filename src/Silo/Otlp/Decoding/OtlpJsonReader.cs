using System.Globalization;
using System.Text.Json;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>
/// Reads an OTLP/JSON <c>ExportTraceServiceRequest</c> (the protobuf JSON mapping with OTLP's exceptions): field
/// names in lowerCamelCase (the original snake_case names are accepted too), trace and span ids as hex strings,
/// 64-bit integers as strings or numbers, enums as integers (or their names), <c>bytesValue</c> as base64.
/// Unknown fields are skipped, as OTLP requires. Anything else that does not fit throws <see cref="OtlpFormatException"/>.
/// </summary>
public static class OtlpJsonReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    private static readonly Dictionary<string, int> SpanKindNames = new(StringComparer.Ordinal)
    {
        ["SPAN_KIND_UNSPECIFIED"] = 0,
        ["SPAN_KIND_INTERNAL"] = 1,
        ["SPAN_KIND_SERVER"] = 2,
        ["SPAN_KIND_CLIENT"] = 3,
        ["SPAN_KIND_PRODUCER"] = 4,
        ["SPAN_KIND_CONSUMER"] = 5,
    };

    private static readonly Dictionary<string, int> StatusCodeNames = new(StringComparer.Ordinal)
    {
        ["STATUS_CODE_UNSET"] = 0,
        ["STATUS_CODE_OK"] = 1,
        ["STATUS_CODE_ERROR"] = 2,
    };

    public static ExportTraceServiceRequest Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            if (!reader.Read())
            {
                throw new OtlpFormatException("The body is empty; expected an ExportTraceServiceRequest object.");
            }

            var request = new ExportTraceServiceRequest();
            ExpectObject(ref reader, "the request");
            while (NextProperty(ref reader))
            {
                if (Is(ref reader, "resourceSpans"u8, "resource_spans"u8))
                {
                    reader.Read();
                    while (NextItem(ref reader, "resourceSpans"))
                    {
                        request.ResourceSpans.Add(ReadResourceSpans(ref reader));
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new OtlpFormatException("Unexpected content after the request object.");
            }

            return request;
        }
        catch (JsonException ex)
        {
            throw new OtlpFormatException($"The body is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new OtlpFormatException($"The body is not valid OTLP/JSON: {ex.Message}", ex);
        }
    }

    private static ResourceSpans ReadResourceSpans(ref Utf8JsonReader reader)
    {
        var resourceSpans = new ResourceSpans();
        ExpectObject(ref reader, "resourceSpans[]");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "resource"u8, "resource"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    resourceSpans.Resource = ReadResource(ref reader);
                }
            }
            else if (Is(ref reader, "scopeSpans"u8, "scope_spans"u8))
            {
                reader.Read();
                while (NextItem(ref reader, "scopeSpans"))
                {
                    resourceSpans.ScopeSpans.Add(ReadScopeSpans(ref reader));
                }
            }
            else if (Is(ref reader, "schemaUrl"u8, "schema_url"u8))
            {
                reader.Read();
                resourceSpans.SchemaUrl = ReadString(ref reader, "schemaUrl");
            }
            else
            {
                reader.Skip();
            }
        }

        return resourceSpans;
    }

    private static Resource ReadResource(ref Utf8JsonReader reader)
    {
        var resource = new Resource();
        ExpectObject(ref reader, "resource");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "attributes"u8, "attributes"u8))
            {
                reader.Read();
                ReadAttributes(ref reader, resource.Attributes);
            }
            else
            {
                reader.Skip();
            }
        }

        return resource;
    }

    private static ScopeSpans ReadScopeSpans(ref Utf8JsonReader reader)
    {
        var scopeSpans = new ScopeSpans();
        ExpectObject(ref reader, "scopeSpans[]");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "spans"u8, "spans"u8))
            {
                reader.Read();
                while (NextItem(ref reader, "spans"))
                {
                    scopeSpans.Spans.Add(ReadSpan(ref reader));
                }
            }
            else if (Is(ref reader, "scope"u8, "scope"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    scopeSpans.Scope = ReadScope(ref reader);
                }
            }
            else if (Is(ref reader, "schemaUrl"u8, "schema_url"u8))
            {
                reader.Read();
                scopeSpans.SchemaUrl = ReadString(ref reader, "schemaUrl");
            }
            else
            {
                reader.Skip();
            }
        }

        return scopeSpans;
    }

    private static InstrumentationScope ReadScope(ref Utf8JsonReader reader)
    {
        var scope = new InstrumentationScope();
        ExpectObject(ref reader, "scope");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "name"u8, "name"u8))
            {
                reader.Read();
                scope.Name = ReadString(ref reader, "scope.name");
            }
            else if (Is(ref reader, "version"u8, "version"u8))
            {
                reader.Read();
                scope.Version = ReadString(ref reader, "scope.version");
            }
            else if (Is(ref reader, "attributes"u8, "attributes"u8))
            {
                reader.Read();
                ReadAttributes(ref reader, scope.Attributes);
            }
            else
            {
                reader.Skip();
            }
        }

        return scope;
    }

    private static Span ReadSpan(ref Utf8JsonReader reader)
    {
        var span = new Span();
        ExpectObject(ref reader, "spans[]");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "traceId"u8, "trace_id"u8))
            {
                reader.Read();
                span.TraceId = HexId(ref reader, "traceId");
            }
            else if (Is(ref reader, "spanId"u8, "span_id"u8))
            {
                reader.Read();
                span.SpanId = HexId(ref reader, "spanId");
            }
            else if (Is(ref reader, "parentSpanId"u8, "parent_span_id"u8))
            {
                reader.Read();
                span.ParentSpanId = HexId(ref reader, "parentSpanId");
            }
            else if (Is(ref reader, "name"u8, "name"u8))
            {
                reader.Read();
                span.Name = ReadString(ref reader, "name");
            }
            else if (Is(ref reader, "kind"u8, "kind"u8))
            {
                reader.Read();
                span.Kind = (Span.Types.SpanKind)ReadEnum(ref reader, "kind", SpanKindNames);
            }
            else if (Is(ref reader, "startTimeUnixNano"u8, "start_time_unix_nano"u8))
            {
                reader.Read();
                span.StartTimeUnixNano = ReadUInt64(ref reader, "startTimeUnixNano");
            }
            else if (Is(ref reader, "endTimeUnixNano"u8, "end_time_unix_nano"u8))
            {
                reader.Read();
                span.EndTimeUnixNano = ReadUInt64(ref reader, "endTimeUnixNano");
            }
            else if (Is(ref reader, "attributes"u8, "attributes"u8))
            {
                reader.Read();
                ReadAttributes(ref reader, span.Attributes);
            }
            else if (Is(ref reader, "events"u8, "events"u8))
            {
                reader.Read();
                while (NextItem(ref reader, "events"))
                {
                    span.Events.Add(ReadEvent(ref reader));
                }
            }
            else if (Is(ref reader, "status"u8, "status"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    span.Status = ReadStatus(ref reader);
                }
            }
            else
            {
                // traceState, flags, links and the dropped counts play no part in the mapping.
                reader.Skip();
            }
        }

        return span;
    }

    private static Span.Types.Event ReadEvent(ref Utf8JsonReader reader)
    {
        var e = new Span.Types.Event();
        ExpectObject(ref reader, "events[]");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "timeUnixNano"u8, "time_unix_nano"u8))
            {
                reader.Read();
                e.TimeUnixNano = ReadUInt64(ref reader, "events[].timeUnixNano");
            }
            else if (Is(ref reader, "name"u8, "name"u8))
            {
                reader.Read();
                e.Name = ReadString(ref reader, "events[].name");
            }
            else if (Is(ref reader, "attributes"u8, "attributes"u8))
            {
                reader.Read();
                ReadAttributes(ref reader, e.Attributes);
            }
            else
            {
                reader.Skip();
            }
        }

        return e;
    }

    private static Status ReadStatus(ref Utf8JsonReader reader)
    {
        var status = new Status();
        ExpectObject(ref reader, "status");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "code"u8, "code"u8))
            {
                reader.Read();
                status.Code = (Status.Types.StatusCode)ReadEnum(ref reader, "status.code", StatusCodeNames);
            }
            else if (Is(ref reader, "message"u8, "message"u8))
            {
                reader.Read();
                status.Message = ReadString(ref reader, "status.message");
            }
            else
            {
                reader.Skip();
            }
        }

        return status;
    }

    private static void ReadAttributes(ref Utf8JsonReader reader, RepeatedField<KeyValue> into)
    {
        while (NextItem(ref reader, "attributes"))
        {
            into.Add(ReadKeyValue(ref reader));
        }
    }

    private static KeyValue ReadKeyValue(ref Utf8JsonReader reader)
    {
        var pair = new KeyValue();
        ExpectObject(ref reader, "attributes[]");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "key"u8, "key"u8))
            {
                reader.Read();
                pair.Key = ReadString(ref reader, "attributes[].key");
            }
            else if (Is(ref reader, "value"u8, "value"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    pair.Value = ReadAnyValue(ref reader);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return pair;
    }

    private static AnyValue ReadAnyValue(ref Utf8JsonReader reader)
    {
        const string what = "an attribute value";
        var value = new AnyValue();
        ExpectObject(ref reader, what);
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "stringValue"u8, "string_value"u8))
            {
                reader.Read();
                value.StringValue = ReadString(ref reader, what);
            }
            else if (Is(ref reader, "boolValue"u8, "bool_value"u8))
            {
                reader.Read();
                value.BoolValue = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => throw Expected(what, "true or false"),
                };
            }
            else if (Is(ref reader, "intValue"u8, "int_value"u8))
            {
                reader.Read();
                value.IntValue = ReadInt64(ref reader, what);
            }
            else if (Is(ref reader, "doubleValue"u8, "double_value"u8))
            {
                reader.Read();
                value.DoubleValue = ReadDouble(ref reader, what);
            }
            else if (Is(ref reader, "bytesValue"u8, "bytes_value"u8))
            {
                reader.Read();
                value.BytesValue = reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes)
                    ? ByteString.CopyFrom(bytes)
                    : throw Expected(what, "a base64 string");
            }
            else if (Is(ref reader, "arrayValue"u8, "array_value"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    value.ArrayValue = ReadArrayValue(ref reader);
                }
            }
            else if (Is(ref reader, "kvlistValue"u8, "kvlist_value"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    value.KvlistValue = ReadKeyValueList(ref reader);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return value;
    }

    private static ArrayValue ReadArrayValue(ref Utf8JsonReader reader)
    {
        var array = new ArrayValue();
        ExpectObject(ref reader, "arrayValue");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "values"u8, "values"u8))
            {
                reader.Read();
                while (NextItem(ref reader, "arrayValue.values"))
                {
                    array.Values.Add(ReadAnyValue(ref reader));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return array;
    }

    private static KeyValueList ReadKeyValueList(ref Utf8JsonReader reader)
    {
        var list = new KeyValueList();
        ExpectObject(ref reader, "kvlistValue");
        while (NextProperty(ref reader))
        {
            if (Is(ref reader, "values"u8, "values"u8))
            {
                reader.Read();
                ReadAttributes(ref reader, list.Values);
            }
            else
            {
                reader.Skip();
            }
        }

        return list;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Expected(what, "an object");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndObject;
    }

    /// <summary>
    /// Moves to the next item of the array the reader is at (on its start, a null, or the end of the previous item);
    /// false at the end. A null array counts as empty.
    /// </summary>
    private static bool NextItem(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.EndObject))
        {
            throw Expected(what, "an array of objects");
        }

        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> camel, ReadOnlySpan<byte> snake) =>
        reader.ValueTextEquals(camel) || (snake != camel && reader.ValueTextEquals(snake));

    private static string ReadString(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Null => string.Empty,
        _ => throw Expected(what, "a string"),
    };

    private static ByteString HexId(ref Utf8JsonReader reader, string what)
    {
        var hex = ReadString(ref reader, what);
        try
        {
            return hex.Length == 0 ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            throw Expected(what, "a hex string");
        }
    }

    private static ulong ReadUInt64(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetUInt64(out var n) => n,
        JsonTokenType.String when ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        JsonTokenType.Null => 0,
        _ => throw Expected(what, "an unsigned 64-bit integer (number or string)"),
    };

    private static long ReadInt64(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw Expected(what, "a 64-bit integer (number or string)"),
    };

    private static double ReadDouble(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            return number;
        }

        return reader.TokenType == JsonTokenType.String ? reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Expected(what, "a number"),
        } : throw Expected(what, "a number");
    }

    private static int ReadEnum(ref Utf8JsonReader reader, string what, Dictionary<string, int> names) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var n) => n,
        JsonTokenType.String when names.TryGetValue(reader.GetString()!, out var n) => n,
        JsonTokenType.Null => 0,
        _ => throw Expected(what, "an enum number"),
    };

    private static OtlpFormatException Expected(string what, string expected) => new($"{what}: expected {expected}.");
}
