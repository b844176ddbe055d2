using System.Buffers;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;

namespace AgentOps.LoadGenerator;

/// <summary>
/// OTLP traces in the GenAI conventions: each trace an <c>invoke_agent</c> span with two <c>chat</c> spans and two
/// <c>execute_tool</c> spans, as an agent's OpenTelemetry exporter would send them. <see cref="LoadOptions.Batch"/> is
/// the number of spans per request.
/// </summary>
public sealed class OtlpWorkload(LoadOptions options, int generator) : IWorkload
{
    private const int SpansPerTrace = 5;
    private readonly Random _random = new(options.Seed + generator);

    public string ContentType => "application/x-protobuf";

    public string Path => "/v1/traces";

    public int EventsPerRequest => options.Batch / SpansPerTrace * (SpansPerTrace + 1); // the agent span gives a start and a finish

    public void WriteBatch(IBufferWriter<byte> output, DateTimeOffset now)
    {
        var scope = new ScopeSpans();
        for (var trace = 0; trace < options.Batch / SpansPerTrace; trace++)
        {
            var traceId = RandomBytes(16);
            var root = RandomBytes(8);
            var agent = $"agent-{_random.Next(options.Agents):0000}";
            var start = (ulong)now.AddSeconds(-2).ToUnixTimeMilliseconds() * 1_000_000;
            scope.Spans.Add(Span(traceId, root, null, "invoke_agent", start, start + 1_900_000_000,
                ("gen_ai.operation.name", "invoke_agent"), ("gen_ai.agent.id", agent), ("user.id", $"user-{_random.Next(options.Users):0000}"),
                ("agentops.route.id", $"route-{_random.Next(options.Routes):00}")));
            for (var call = 0; call < 2; call++)
            {
                var chat = Span(traceId, RandomBytes(8), root, "chat gpt-4o", start + 100_000_000, start + 600_000_000,
                    ("gen_ai.operation.name", "chat"), ("gen_ai.request.model", "gpt-4o"));
                chat.Attributes.Add(Int("gen_ai.usage.input_tokens", 800 + _random.Next(2_000)));
                chat.Attributes.Add(Int("gen_ai.usage.output_tokens", 50 + _random.Next(400)));
                scope.Spans.Add(chat);
                scope.Spans.Add(Span(traceId, RandomBytes(8), root, "execute_tool read_file", start + 700_000_000, start + 800_000_000,
                    ("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "read_file")));
            }
        }

        var request = new AgentOps.Silo.Otlp.Proto.ExportTraceServiceRequest();
        var resource = new ResourceSpans { Resource = new Resource() };
        resource.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "loadgen" } });
        resource.ScopeSpans.Add(scope);
        request.ResourceSpans.Add(resource);
        request.WriteTo(output);
    }

    private static Span Span(byte[] traceId, byte[] spanId, byte[]? parent, string name, ulong start, ulong end, params (string Key, string Value)[] attributes)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            StartTimeUnixNano = start,
            EndTimeUnixNano = end,
            Status = new Status { Code = Status.Types.StatusCode.Ok },
        };
        if (parent is not null)
        {
            span.ParentSpanId = ByteString.CopyFrom(parent);
        }

        foreach (var (key, value) in attributes)
        {
            span.Attributes.Add(new KeyValue { Key = key, Value = new AnyValue { StringValue = value } });
        }

        return span;
    }

    private static KeyValue Int(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
