using System.Text.Json;

namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>
/// Counts the objects an OTLP export would decode into, from its bytes, before decoding it. An empty span, attribute or
/// array item takes 2 to 3 bytes on the wire and a few hundred once decoded, so a 5 MiB body could otherwise become a
/// gigabyte of objects; <see cref="MaxMessages"/> bounds that, far above what any exporter batch holds.
/// </summary>
public static class OtlpMessageCounter
{
    /// <summary>The most messages (spans, attributes, values, events, links and their containers) one export may hold.</summary>
    public const int MaxMessages = 1_000_000;

    // The repeated or nested message fields of each OTLP trace message that the decoder builds objects for:
    // (message, field number) -> the message type of that field. Scalars and strings are skipped.
    private enum Message { Request, ResourceSpans, Resource, ScopeSpans, Scope, Span, Event, Link, KeyValue, AnyValue, ArrayValue, KeyValueList }

    // The protobuf parser's own nesting limit: deeper bodies are refused by it, and must not overflow this walk's stack.
    private const int MaxDepth = 100;

    /// <summary>
    /// True when the body would decode into more than <see cref="MaxMessages"/> objects. Every object takes at least two
    /// bytes (a protobuf tag and length, a JSON opening and closing), so a body under twice the limit is not read at all:
    /// exporters' batches are far smaller, and pay nothing for this guard.
    /// </summary>
    public static bool Exceeds(ReadOnlySpan<byte> body, OtlpEncoding encoding) =>
        body.Length / 2 > MaxMessages
        && (encoding == OtlpEncoding.Json ? CountJson(body) : CountProtobuf(body)) > MaxMessages;

    /// <summary>The messages of a protobuf body, counting up to just past <paramref name="limit"/>; a malformed tail is left to the parser.</summary>
    public static int CountProtobuf(ReadOnlySpan<byte> body, int limit = MaxMessages)
    {
        var count = 0;
        Walk(body, Message.Request, 0, limit, ref count);
        return count;
    }

    /// <summary>The objects and arrays of a JSON body, counting up to just past <paramref name="limit"/>; invalid JSON is left to the reader.</summary>
    public static int CountJson(ReadOnlySpan<byte> body, int limit = MaxMessages)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var count = 0;
        try
        {
            while (count <= limit && reader.Read())
            {
                count += reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0;
            }
        }
        catch (JsonException)
        {
            // The reader that decodes the body says what is wrong with it.
        }

        return count;
    }

    private static void Walk(ReadOnlySpan<byte> message, Message type, int depth, int limit, ref int count)
    {
        while (!message.IsEmpty && count <= limit && depth <= MaxDepth)
        {
            if (!TryVarint(ref message, out var tag))
            {
                return;
            }

            switch ((int)(tag & 7))
            {
                case 0 when TryVarint(ref message, out _):
                    break;
                case 1 when message.Length >= 8:
                    message = message[8..];
                    break;
                case 5 when message.Length >= 4:
                    message = message[4..];
                    break;
                case 2 when TryVarint(ref message, out var length) && length <= (ulong)message.Length:
                    var field = message[..(int)length];
                    message = message[(int)length..];
                    if (FieldType(type, (int)(tag >> 3)) is { } inner)
                    {
                        count++;
                        Walk(field, inner, depth + 1, limit, ref count);
                    }

                    break;
                case 3 or 4:
                    break; // a group's start or end: its fields are read on as this message's, so nothing in it goes uncounted
                default:
                    return; // a truncated field or no wire type at all: the parser reports it
            }
        }
    }

    private static Message? FieldType(Message type, int field) => (type, field) switch
    {
        (Message.Request, 1) => Message.ResourceSpans,
        (Message.ResourceSpans, 1) => Message.Resource,
        (Message.ResourceSpans, 2) => Message.ScopeSpans,
        (Message.Resource, 1) => Message.KeyValue,
        (Message.ScopeSpans, 1) => Message.Scope,
        (Message.ScopeSpans, 2) => Message.Span,
        (Message.Scope, 3) => Message.KeyValue,
        (Message.Span, 9) => Message.KeyValue,
        (Message.Span, 11) => Message.Event,
        (Message.Span, 13) => Message.Link,
        (Message.Event, 3) => Message.KeyValue,
        (Message.Link, 4) => Message.KeyValue,
        (Message.KeyValue, 2) => Message.AnyValue,
        (Message.AnyValue, 5) => Message.ArrayValue,
        (Message.AnyValue, 6) => Message.KeyValueList,
        (Message.ArrayValue, 1) => Message.AnyValue,
        (Message.KeyValueList, 1) => Message.KeyValue,
        _ => null,
    };

    private static bool TryVarint(ref ReadOnlySpan<byte> bytes, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && !bytes.IsEmpty; shift += 7)
        {
            var b = bytes[0];
            bytes = bytes[1..];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
