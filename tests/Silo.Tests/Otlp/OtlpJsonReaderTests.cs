using System.Text;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Otlp.Decoding;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using static AgentOps.Silo.Tests.Otlp.OtlpRequests;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>The OTLP/JSON reader and the content negotiation of the receiver, without a silo.</summary>
public sealed class OtlpJsonReaderTests
{
    private static ExportTraceServiceRequest Read(string json) => OtlpJsonReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void What_an_independent_writer_writes_reads_back_to_the_same_message()
    {
        var t = new TraceBuilder(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var root = t.Span("invoke_agent", null, 0, 10, Attr("gen_ai.operation.name", "invoke_agent"), Attr("flag", true), Attr("ratio", 0.5));
        var child = t.Span("chat", root, 1, 1, Attr("gen_ai.usage.input_tokens", long.MaxValue), Attr("unicode", "Olá, \"mundo\" ✓"));
        child.Attributes.Add(new KeyValue
        {
            Key = "nested",
            Value = new AnyValue
            {
                KvlistValue = new KeyValueList
                {
                    Values =
                    {
                        Attr("list", "x"),
                        new KeyValue { Key = "array", Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { IntValue = -3 }, new AnyValue { BytesValue = ByteString.CopyFromUtf8("raw") } } } } },
                    },
                },
            },
        });
        child.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "boom" };
        var e = new Span.Types.Event { Name = "gen_ai.evaluation.result", TimeUnixNano = 123 };
        e.Attributes.Add(Attr("gen_ai.evaluation.score.value", 0.25));
        child.Events.Add(e);
        var request = Request("svc", [root, child]);

        Assert.Equal(request, Read(OtlpJson.Write(request)));
    }

    [Fact]
    public void Snake_case_names_numbers_for_int64_enum_names_nulls_and_unknown_fields_are_accepted()
    {
        var request = Read("""
            {
              "resource_spans": [{
                "resource": { "attributes": [{ "key": "service.name", "value": { "string_value": "svc" } }], "droppedAttributesCount": 0 },
                "schemaUrl": "https://opentelemetry.io/schemas/1.30.0",
                "somethingNew": { "deep": [1, 2, { "x": null }] },
                "scope_spans": [{
                  "scope": { "name": "lib", "attributes": [] },
                  "spans": [{
                    "trace_id": "5B8EFFF798038103D269B633813FC60C",
                    "span_id": "eee19b7ec3c1b174",
                    "parent_span_id": "",
                    "name": "chat",
                    "kind": "SPAN_KIND_CLIENT",
                    "start_time_unix_nano": 1544712660000000000,
                    "endTimeUnixNano": "1544712661000000000",
                    "attributes": [
                      { "key": "n", "value": { "intValue": "-12" } },
                      { "key": "d", "value": { "doubleValue": "NaN" } },
                      { "key": "empty", "value": {} },
                      { "key": "null", "value": null },
                      { "key": "nullArray", "value": { "arrayValue": null } }
                    ],
                    "events": null,
                    "links": [{ "traceId": "00", "spanId": "00" }],
                    "flags": 257,
                    "status": { "code": "STATUS_CODE_OK" }
                  }]
                }]
              }]
            }
            """);
        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[0];
        Assert.Equal("5b8efff798038103d269b633813fc60c", Convert.ToHexStringLower(span.TraceId.Span));
        Assert.Equal(8, span.SpanId.Length);
        Assert.True(span.ParentSpanId.IsEmpty);
        Assert.Equal(Span.Types.SpanKind.Client, span.Kind);
        Assert.Equal(1544712660000000000UL, span.StartTimeUnixNano);
        Assert.Equal(1544712661000000000UL, span.EndTimeUnixNano);
        Assert.Equal(-12, span.Attributes[0].Value.IntValue);
        Assert.True(double.IsNaN(span.Attributes[1].Value.DoubleValue));
        Assert.Equal(AnyValue.ValueOneofCase.None, span.Attributes[2].Value.ValueCase);
        Assert.Null(span.Attributes[3].Value);
        Assert.Equal(Status.Types.StatusCode.Ok, span.Status.Code);
        Assert.Equal("svc", request.ResourceSpans[0].Resource.Attributes[0].Value.StringValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{\"resourceSpans\": {}}")]
    [InlineData("{\"resourceSpans\": [5]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"spanId\": \"xyz\"}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"name\": 5}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"startTimeUnixNano\": -1}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"startTimeUnixNano\": 1.5}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"kind\": \"SERVER\"}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": [{\"key\": \"k\", \"value\": {\"intValue\": \"x\"}}]}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": [{\"key\": \"k\", \"value\": {\"boolValue\": \"yes\"}}]}]}]}]}")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": [{\"key\": \"k\", \"value\": {\"bytesValue\": \"%%\"}}]}]}]}]}")]
    public void Unreadable_json_is_a_format_error(string json) =>
        Assert.Throws<OtlpFormatException>(() => Read(json));

    [Fact]
    public void Deeply_nested_values_are_a_format_error_not_a_crash()
    {
        var deep = new StringBuilder("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"attributes\": [{\"key\": \"k\", \"value\": ");
        for (var i = 0; i < 200; i++)
        {
            deep.Append("{\"arrayValue\": {\"values\": [");
        }

        Assert.Throws<OtlpFormatException>(() => Read(deep.ToString()));
    }

    [Theory]
    [InlineData("application/x-protobuf", OtlpEncoding.Protobuf)]
    [InlineData("application/protobuf", OtlpEncoding.Protobuf)]
    [InlineData("Application/X-Protobuf", OtlpEncoding.Protobuf)]
    [InlineData("application/json", OtlpEncoding.Json)]
    [InlineData("application/json; charset=utf-8", OtlpEncoding.Json)]
    [InlineData("text/plain", null)]
    [InlineData("application/jsonx", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Content_types_choose_the_encoding(string? contentType, OtlpEncoding? expected) =>
        Assert.Equal(expected, OtlpTraceReceiver.EncodingOf(contentType));

    [Theory]
    [InlineData("", true, false)]
    [InlineData("identity", true, false)]
    [InlineData("gzip", true, true)]
    [InlineData("GZIP", true, true)]
    [InlineData("br", false, false)]
    [InlineData("gzip, br", false, false)]
    public void Content_encodings_are_none_identity_or_gzip(string encoding, bool supported, bool gzip)
    {
        Assert.Equal(supported, OtlpTraceReceiver.IsGzip(encoding, out var isGzip));
        Assert.Equal(gzip, isGzip);
    }

    [Fact]
    public void Options_bind_replace_the_default_lists_and_reject_bad_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentOps:Otlp:AgentIdAttributes:0"] = "app.agent",
            ["AgentOps:Otlp:RouteAttribute"] = "app.route",
        }).Build();
        var options = OtlpOptions.Load(configuration);
        Assert.Equal(["app.agent"], options.AgentIdAttributes);
        Assert.Equal("app.route", options.RouteAttribute);
        Assert.Equal(["user.id", "enduser.id"], OtlpOptions.DefaultUserAttributes);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentOps:Otlp:RouteAttribute"] = " ",
        }).Build();
        var error = Assert.Throws<OptionsValidationException>(() => OtlpOptions.Load(bad));
        Assert.Contains("RouteAttribute", error.Message, StringComparison.Ordinal);
    }
}
