using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf.Collections;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>
/// Reads OTLP attributes: finds a key, and turns an <see cref="AnyValue"/> into text or a number. Lists are scanned
/// linearly: a span has a few dozen attributes at most, and a scan allocates nothing.
/// </summary>
internal static class AttributeValues
{
    private static readonly AnyValue Empty = new();

    /// <summary>The value of <paramref name="key"/>, or null. Keys are unique in OTLP; if one repeats, the first wins.</summary>
    public static AnyValue? Find(RepeatedField<KeyValue> attributes, string key)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var pair = attributes[i];
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return pair.Value ?? Empty;
            }
        }

        return null;
    }

    /// <summary>True when some attribute key starts with <paramref name="prefix"/>.</summary>
    public static bool AnyWithPrefix(RepeatedField<KeyValue> attributes, string prefix)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of <paramref name="key"/>; null when it is absent or empty.</summary>
    public static string? Text(RepeatedField<KeyValue> attributes, string key) => Text(Find(attributes, key));

    /// <summary>
    /// An attribute value as text: strings as they are, numbers and booleans in invariant form, arrays, maps and
    /// bytes as JSON. Null for an absent or empty value.
    /// </summary>
    public static string? Text(AnyValue? value)
    {
        var text = value?.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.ArrayValue or AnyValue.ValueOneofCase.KvlistValue or AnyValue.ValueOneofCase.BytesValue => Json(value),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// An integer attribute. Integers, integral doubles and integer strings are read; anything else present is
    /// <see cref="NumberRead.Invalid"/> (the event is then rejected, never given a made-up value).
    /// </summary>
    public static NumberRead Integer(AnyValue? value, out long result)
    {
        result = 0;
        switch (value?.ValueCase)
        {
            case null or AnyValue.ValueOneofCase.None:
                return NumberRead.Absent;
            case AnyValue.ValueOneofCase.IntValue:
                result = value.IntValue;
                return NumberRead.Ok;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue)
                && Math.Floor(value.DoubleValue) == value.DoubleValue
                && Math.Abs(value.DoubleValue) < 9e18:
                result = (long)value.DoubleValue;
                return NumberRead.Ok;
            case AnyValue.ValueOneofCase.StringValue when long.TryParse(value.StringValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result):
                return NumberRead.Ok;
            default:
                return NumberRead.Invalid;
        }
    }

    /// <summary>A real-number attribute: doubles, integers and numeric strings; NaN and infinities are invalid.</summary>
    public static NumberRead Real(AnyValue? value, out double result)
    {
        result = 0;
        switch (value?.ValueCase)
        {
            case null or AnyValue.ValueOneofCase.None:
                return NumberRead.Absent;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue):
                result = value.DoubleValue;
                return NumberRead.Ok;
            case AnyValue.ValueOneofCase.IntValue:
                result = value.IntValue;
                return NumberRead.Ok;
            case AnyValue.ValueOneofCase.StringValue when double.TryParse(value.StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result):
                return NumberRead.Ok;
            default:
                result = 0;
                return NumberRead.Invalid;
        }
    }

    /// <summary>A structured value as JSON text (arrays, maps; bytes as base64).</summary>
    private static string Json(AnyValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, AnyValue? value)
    {
        switch (value?.ValueCase)
        {
            case AnyValue.ValueOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case AnyValue.ValueOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case AnyValue.ValueOneofCase.IntValue:
                writer.WriteNumberValue(value.IntValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue):
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case AnyValue.ValueOneofCase.DoubleValue:
                writer.WriteStringValue(value.DoubleValue.ToString(CultureInfo.InvariantCulture));
                break;
            case AnyValue.ValueOneofCase.BytesValue:
                writer.WriteBase64StringValue(value.BytesValue.Span);
                break;
            case AnyValue.ValueOneofCase.ArrayValue:
                writer.WriteStartArray();
                foreach (var item in value.ArrayValue.Values)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                writer.WriteStartObject();
                foreach (var pair in value.KvlistValue.Values)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

/// <summary>How reading a numeric attribute went.</summary>
internal enum NumberRead
{
    Absent,
    Ok,
    Invalid,
}
