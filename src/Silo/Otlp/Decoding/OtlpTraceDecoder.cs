using AgentOps.Silo.Otlp.Mapping;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;

namespace AgentOps.Silo.Otlp.Decoding;

/// <summary>Decodes OTLP trace export requests and encodes their responses, in either OTLP/HTTP encoding.</summary>
public static class OtlpTraceDecoder
{
    private static readonly OtlpTraceMapper DefaultMapper = new(new OtlpOptions());

    // Unknown fields and groups are dropped, not kept: nothing reads them, and kept they are objects the count does not see.
    private static readonly MessageParser<ExportTraceServiceRequest> Parser = ExportTraceServiceRequest.Parser.WithDiscardUnknownFields(true);

    /// <summary>
    /// Decodes a request body; throws <see cref="OtlpFormatException"/> when it is not a readable request and
    /// <see cref="OtlpTooLargeException"/> when it would decode into more than <see cref="OtlpMessageCounter.MaxMessages"/> objects.
    /// </summary>
    public static ExportTraceServiceRequest Decode(ReadOnlySpan<byte> body, OtlpEncoding encoding)
    {
        if (OtlpMessageCounter.Exceeds(body, encoding))
        {
            throw new OtlpTooLargeException(
                $"The export holds more than {OtlpMessageCounter.MaxMessages:N0} spans, attributes, values, events and links together; export smaller batches.");
        }

        if (encoding == OtlpEncoding.Json)
        {
            return OtlpJsonReader.Read(body);
        }

        try
        {
            return Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new OtlpFormatException($"The body is not a valid protobuf ExportTraceServiceRequest: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The CPU work of <c>POST /v1/traces</c> before validation: decodes a protobuf export request and maps its spans
    /// to event drafts with the default options. A benchmark entry point.
    /// </summary>
    public static OtlpMapResult DecodeAndMap(ReadOnlySpan<byte> protobuf) => DecodeAndMap(protobuf, OtlpEncoding.Protobuf, DefaultMapper);

    /// <summary>Decodes a request body in <paramref name="encoding"/> and maps it with <paramref name="mapper"/>.</summary>
    public static OtlpMapResult DecodeAndMap(ReadOnlySpan<byte> body, OtlpEncoding encoding, OtlpTraceMapper mapper) =>
        mapper.Map(Decode(body, encoding));

    /// <summary>Encodes a response in the request's encoding.</summary>
    public static byte[] Encode(ExportTraceServiceResponse response, OtlpEncoding encoding) =>
        encoding == OtlpEncoding.Json
            ? System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(response))
            : response.ToByteArray();
}
