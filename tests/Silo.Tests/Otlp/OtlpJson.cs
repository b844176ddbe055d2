using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentOps.Silo.Otlp.Proto;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>
/// Writes OTLP/JSON independently of the receiver's reader: lowerCamelCase names, hex ids, 64-bit integers as
/// strings (times) or numbers (intValue), enums as integers, unset fields left out.
/// Also linked into tools/Benchmarks, so the OTLP/JSON decode benchmark reads what the tests read.
/// </summary>
internal static class OtlpJson
{
    public static string Write(ExportTraceServiceRequest request) => Encoding.UTF8.GetString(WriteUtf8(request));

    public static byte[] WriteUtf8(ExportTraceServiceRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("resourceSpans");
            foreach (var rs in request.ResourceSpans)
            {
                w.WriteStartObject();
                if (rs.Resource is not null)
                {
                    w.WriteStartObject("resource");
                    Attributes(w, rs.Resource.Attributes);
                    w.WriteEndObject();
                }

                w.WriteStartArray("scopeSpans");
                foreach (var ss in rs.ScopeSpans)
                {
                    w.WriteStartObject();
                    if (ss.Scope is not null)
                    {
                        w.WriteStartObject("scope");
                        w.WriteString("name", ss.Scope.Name);
                        w.WriteString("version", ss.Scope.Version);
                        w.WriteEndObject();
                    }

                    w.WriteStartArray("spans");
                    foreach (var s in ss.Spans)
                    {
                        Span(w, s);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Span(Utf8JsonWriter w, Span s)
    {
        w.WriteStartObject();
        w.WriteString("traceId", Convert.ToHexString(s.TraceId.Span)); // upper case: ids are case-insensitive hex
        w.WriteString("spanId", Convert.ToHexStringLower(s.SpanId.Span));
        if (!s.ParentSpanId.IsEmpty)
        {
            w.WriteString("parentSpanId", Convert.ToHexStringLower(s.ParentSpanId.Span));
        }

        w.WriteString("name", s.Name);
        w.WriteNumber("kind", (int)s.Kind);
        w.WriteString("startTimeUnixNano", s.StartTimeUnixNano.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("endTimeUnixNano", s.EndTimeUnixNano);
        Attributes(w, s.Attributes);
        w.WriteNumber("droppedAttributesCount", 0);
        if (s.Events.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in s.Events)
            {
                w.WriteStartObject();
                w.WriteString("timeUnixNano", e.TimeUnixNano.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("name", e.Name);
                Attributes(w, e.Attributes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (s.Status is not null)
        {
            w.WriteStartObject("status");
            w.WriteNumber("code", (int)s.Status.Code);
            if (s.Status.Message.Length > 0)
            {
                w.WriteString("message", s.Status.Message);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Attributes(Utf8JsonWriter w, IEnumerable<KeyValue> attributes, string name = "attributes")
    {
        w.WriteStartArray(name);
        foreach (var a in attributes)
        {
            w.WriteStartObject();
            w.WriteString("key", a.Key);
            w.WritePropertyName("value");
            Value(w, a.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter w, AnyValue v)
    {
        w.WriteStartObject();
        switch (v.ValueCase)
        {
            case AnyValue.ValueOneofCase.StringValue:
                w.WriteString("stringValue", v.StringValue);
                break;
            case AnyValue.ValueOneofCase.IntValue:
                w.WriteNumber("intValue", v.IntValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue:
                w.WriteNumber("doubleValue", v.DoubleValue);
                break;
            case AnyValue.ValueOneofCase.BoolValue:
                w.WriteBoolean("boolValue", v.BoolValue);
                break;
            case AnyValue.ValueOneofCase.ArrayValue:
                w.WriteStartObject("arrayValue");
                w.WriteStartArray("values");
                foreach (var item in v.ArrayValue.Values)
                {
                    Value(w, item);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                w.WriteStartObject("kvlistValue");
                Attributes(w, v.KvlistValue.Values, "values");
                w.WriteEndObject();
                break;
            case AnyValue.ValueOneofCase.BytesValue:
                w.WriteBase64String("bytesValue", v.BytesValue.Span);
                break;
        }

        w.WriteEndObject();
    }
}
