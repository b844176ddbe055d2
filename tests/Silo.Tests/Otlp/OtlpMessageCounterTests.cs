using System.Text;
using AgentOps.Silo.Otlp.Decoding;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using static AgentOps.Silo.Tests.Otlp.OtlpRequests;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>The count of objects an export decodes into, read from its bytes before decoding.</summary>
public sealed class OtlpMessageCounterTests
{
    [Fact]
    public void A_protobuf_export_counts_its_spans_attributes_values_events_and_their_containers()
    {
        var span = new Span { Name = "chat", TraceId = ByteString.CopyFrom(new byte[16]), SpanId = ByteString.CopyFrom(new byte[8]), Status = new Status() };
        span.Attributes.Add(Attr("gen_ai.request.model", "gpt-4o"));
        var list = new ArrayValue();
        list.Values.Add(new AnyValue { StringValue = "a" });
        list.Values.Add(new AnyValue { IntValue = 2 });
        span.Attributes.Add(new KeyValue { Key = "tags", Value = new AnyValue { ArrayValue = list } });
        var evaluation = new Span.Types.Event { Name = "gen_ai.evaluation.result" };
        evaluation.Attributes.Add(Attr("gen_ai.evaluation.score.value", 0.9));
        span.Events.Add(evaluation);
        var request = Request("svc", [span]);

        // resourceSpans, resource, its service.name (KeyValue, AnyValue), scopeSpans, scope, the span,
        // model (2), tags (KeyValue, AnyValue, ArrayValue, 2 values), the event and its score (2).
        Assert.Equal(17, OtlpMessageCounter.CountProtobuf(request.ToByteArray()));
        Assert.True(OtlpMessageCounter.CountJson(Encoding.UTF8.GetBytes(OtlpJson.Write(request))) >= 17);
    }

    [Fact]
    public void Counting_stops_just_past_the_limit_and_leaves_malformed_bytes_to_the_decoder()
    {
        var spans = Enumerable.Repeat(new byte[] { 0x12, 0x00 }, 1_000).SelectMany(b => b).ToArray();
        var body = WireField(1, WireField(2, spans)); // resource_spans { scope_spans { 1,000 spans } }

        Assert.Equal(1_002, OtlpMessageCounter.CountProtobuf(body));
        Assert.Equal(11, OtlpMessageCounter.CountProtobuf(body, limit: 10));
        Assert.Equal(0, OtlpMessageCounter.CountProtobuf([0x0a, 0xff, 0xff])); // a length past the end
        Assert.Equal(2, OtlpMessageCounter.CountJson("[{"u8)); // not JSON to the end: counted as far as it goes
    }

    [Fact]
    public void Only_a_body_of_twice_the_limit_and_more_can_exceed_it_and_only_such_a_body_is_read()
    {
        var spans = Enumerable.Repeat(new byte[] { 0x12, 0x00 }, OtlpMessageCounter.MaxMessages + 10).SelectMany(b => b).ToArray();
        var body = new byte[] { 0x0a, 0xff, 0xff, 0xff, 0x0f }.Concat(spans).ToArray(); // a resource_spans whose length runs past the end

        Assert.False(OtlpMessageCounter.Exceeds(spans.AsSpan(0, 1_000), OtlpEncoding.Protobuf)); // not read: a thousand bytes hold at most 500 objects
        Assert.False(OtlpMessageCounter.Exceeds(body, OtlpEncoding.Protobuf)); // malformed from the start: the parser's to refuse
        Assert.True(OtlpMessageCounter.Exceeds(WireField(1, WireField(2, spans)), OtlpEncoding.Protobuf));
        byte[] emptyGroup = [0x7b, 0x7c]; // field 15: start group, end group
        Assert.True(OtlpMessageCounter.Exceeds(WireField(1, WireField(2, [.. emptyGroup, .. spans])), OtlpEncoding.Protobuf)); // a group in front hides nothing
    }
}
