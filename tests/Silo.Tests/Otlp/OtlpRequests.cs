using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using ProtoSpan = AgentOps.Silo.Otlp.Proto.Span;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>Builds OTLP requests by hand (protobuf messages, and OTLP/JSON from them) and posts them.</summary>
internal static class OtlpRequests
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    public static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static KeyValue Attr(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    public static KeyValue Attr(string key, double value) => new() { Key = key, Value = new AnyValue { DoubleValue = value } };

    public static KeyValue Attr(string key, bool value) => new() { Key = key, Value = new AnyValue { BoolValue = value } };

    public static ulong Nanos(DateTimeOffset at) => (ulong)(at - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>One resource (with <c>service.name</c> when given) holding the spans in one scope.</summary>
    public static ExportTraceServiceRequest Request(string? serviceName, IEnumerable<Span> spans, params KeyValue[] resourceAttributes)
    {
        var resource = new Resource();
        if (serviceName is not null)
        {
            resource.Attributes.Add(Attr("service.name", serviceName));
        }

        resource.Attributes.Add(resourceAttributes);
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "agentops.tests", Version = "1.0" } };
        scope.Spans.Add(spans);
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static async Task<HttpResponseMessage> PostOtlpAsync(this HttpClient client, byte[] body, string contentType, string? contentEncoding = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (contentEncoding is not null)
        {
            content.Headers.ContentEncoding.Add(contentEncoding);
        }

        return await client.PostAsync("/v1/traces", content);
    }

    public static Task<HttpResponseMessage> PostProtobufAsync(this HttpClient client, ExportTraceServiceRequest request) =>
        client.PostOtlpAsync(request.ToByteArray(), Protobuf);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, ExportTraceServiceRequest request) =>
        client.PostOtlpAsync(Encoding.UTF8.GetBytes(OtlpJson.Write(request)), Json);

    /// <summary>A protobuf varint, for bodies built byte by byte.</summary>
    public static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            bytes.Add((byte)((value & 0x7f) | (value > 0x7f ? 0x80UL : 0)));
            value >>= 7;
        }
        while (value > 0);
        return [.. bytes];
    }

    /// <summary>A length-delimited protobuf field, for bodies built byte by byte.</summary>
    public static byte[] WireField(int number, byte[] payload) => [.. Varint((ulong)((number << 3) | 2)), .. Varint((ulong)payload.Length), .. payload];

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Asserts a 200 in the request's encoding and decodes its ExportTraceServiceResponse.</summary>
    public static async Task<ExportTraceServiceResponse> ExportResponseAsync(this HttpResponseMessage response, string encoding = Protobuf)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        Assert.Equal(encoding, response.Content.Headers.ContentType?.MediaType);
        return encoding == Json
            ? JsonParser.Default.Parse<ExportTraceServiceResponse>(Encoding.UTF8.GetString(body))
            : ExportTraceServiceResponse.Parser.ParseFrom(body);
    }

    public static int Header(this HttpResponseMessage response, string name) =>
        int.Parse(Assert.Single(response.Headers.GetValues(name)), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One trace of hand-built spans with times relative to a start.</summary>
internal sealed class TraceBuilder(DateTimeOffset start)
{
    public ByteString TraceId { get; } = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16));

    public DateTimeOffset Start => start;

    /// <summary>The run id the silo gives the trace.</summary>
    public string RunId => Convert.ToHexStringLower(TraceId.Span);

    public ProtoSpan Span(string name, ProtoSpan? parent, double startSeconds, double durationSeconds, params KeyValue[] attributes)
    {
        var span = new ProtoSpan
        {
            TraceId = TraceId,
            SpanId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(8)),
            ParentSpanId = parent?.SpanId ?? ByteString.Empty,
            Name = name,
            Kind = ProtoSpan.Types.SpanKind.Internal,
            StartTimeUnixNano = OtlpRequests.Nanos(start.AddSeconds(startSeconds)),
            EndTimeUnixNano = OtlpRequests.Nanos(start.AddSeconds(startSeconds + durationSeconds)),
            Status = new Status { Code = Status.Types.StatusCode.Ok },
        };
        span.Attributes.Add(attributes);
        return span;
    }
}
