using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;

namespace AgentOps.Benchmarks;

/// <summary>
/// A realistic OTLP export from an agent process instrumented with the OpenTelemetry GenAI conventions (as
/// Microsoft.Extensions.AI / the Agent Framework emit them, message content capture off, its default): per trace an
/// <c>invoke_agent</c> span, two <c>chat</c> spans (provider, request and response model, temperature, max tokens,
/// response id, finish reasons, input, output and cache-read tokens, server address) and two <c>execute_tool</c> spans
/// (tool name, type, call id; one in ten fails with <c>error.type</c>); one trace in five carries a
/// <c>gen_ai.evaluation.result</c> span event. One resource (service, SDK, host, environment), two instrumentation scopes.
/// </summary>
internal static class GenAiTraces
{
    public const int SpansPerTrace = 5;

    private static readonly string[] Tools = ["search_kb", "read_ticket", "lookup_order", "issue_refund", "send_email", "get_customer"];

    /// <summary>An export request of <paramref name="traces"/> traces (5 spans each) that ended just before <paramref name="now"/>.</summary>
    public static ExportTraceServiceRequest Create(int traces, DateTimeOffset now, int seed = 42)
    {
        var random = new Random(seed);
        var resource = new Resource();
        resource.Attributes.Add(Str("service.name", "support-agent"));
        resource.Attributes.Add(Str("service.version", "1.8.2"));
        resource.Attributes.Add(Str("service.instance.id", "support-agent-7c9f6d-x2kq4"));
        resource.Attributes.Add(Str("deployment.environment.name", "production"));
        resource.Attributes.Add(Str("host.name", "aks-agents-31415926-vmss000002"));
        resource.Attributes.Add(Str("telemetry.sdk.name", "opentelemetry"));
        resource.Attributes.Add(Str("telemetry.sdk.language", "dotnet"));
        resource.Attributes.Add(Str("telemetry.sdk.version", "1.12.0"));
        var agentScope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Experimental.Microsoft.Agents.AI", Version = "1.0.0" } };
        var aiScope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Experimental.Microsoft.Extensions.AI", Version = "10.0.0" } };
        var end = (ulong)now.AddSeconds(-5).ToUnixTimeMilliseconds() * 1_000_000UL;
        for (var t = 0; t < traces; t++)
        {
            var traceId = Bytes(random, 16);
            var root = Bytes(random, 8);
            var start = end - (ulong)((traces - t) * 3_000_000_000L); // one run every 3 s
            var agent = NewSpan(traceId, root, null, "invoke_agent support-agent", Span.Types.SpanKind.Internal, start, start + 2_900_000_000UL);
            agent.Attributes.Add(Str("gen_ai.operation.name", "invoke_agent"));
            agent.Attributes.Add(Str("gen_ai.provider.name", "openai"));
            agent.Attributes.Add(Str("gen_ai.agent.id", "support-agent"));
            agent.Attributes.Add(Str("gen_ai.agent.name", "Support agent"));
            agent.Attributes.Add(Str("gen_ai.conversation.id", $"conv-{random.Next(1_000_000):000000}"));
            agent.Attributes.Add(Str("user.id", $"user-{random.Next(5_000):0000}"));
            agent.Attributes.Add(Str("agentops.route.id", t % 3 == 0 ? "refunds" : "billing-questions"));
            if (t % 5 == 0)
            {
                var evaluation = new Span.Types.Event { Name = "gen_ai.evaluation.result", TimeUnixNano = start + 2_850_000_000UL };
                evaluation.Attributes.Add(Str("gen_ai.evaluation.name", "helpfulness"));
                evaluation.Attributes.Add(new KeyValue { Key = "gen_ai.evaluation.score.value", Value = new AnyValue { DoubleValue = Math.Round(0.6 + (random.NextDouble() * 0.4), 3) } });
                evaluation.Attributes.Add(Str("gen_ai.evaluation.score.label", random.Next(5) == 0 ? "fail" : "pass"));
                evaluation.Attributes.Add(Str("agentops.evaluator", "llm-judge"));
                agent.Events.Add(evaluation);
            }

            agentScope.Spans.Add(agent);
            for (var step = 0; step < 2; step++)
            {
                var at = start + 100_000_000UL + ((ulong)step * 1_400_000_000UL);
                var chat = NewSpan(traceId, Bytes(random, 8), root, "chat gpt-4o", Span.Types.SpanKind.Client, at, at + 900_000_000UL);
                var input = 1_500 + random.Next(6_000);
                chat.Attributes.Add(Str("gen_ai.operation.name", "chat"));
                chat.Attributes.Add(Str("gen_ai.provider.name", "openai"));
                chat.Attributes.Add(Str("gen_ai.request.model", "gpt-4o"));
                chat.Attributes.Add(new KeyValue { Key = "gen_ai.request.temperature", Value = new AnyValue { DoubleValue = 0.2 } });
                chat.Attributes.Add(Int("gen_ai.request.max_tokens", 1_024));
                chat.Attributes.Add(Str("gen_ai.response.id", $"chatcmpl-{Convert.ToHexStringLower(Bytes(random, 12))}"));
                chat.Attributes.Add(Str("gen_ai.response.model", "gpt-4o-2024-08-06"));
                var reasons = new ArrayValue();
                reasons.Values.Add(new AnyValue { StringValue = step == 0 ? "tool_calls" : "stop" });
                chat.Attributes.Add(new KeyValue { Key = "gen_ai.response.finish_reasons", Value = new AnyValue { ArrayValue = reasons } });
                chat.Attributes.Add(Int("gen_ai.usage.input_tokens", input));
                chat.Attributes.Add(Int("gen_ai.usage.output_tokens", 40 + random.Next(600)));
                chat.Attributes.Add(Int("gen_ai.usage.cache_read.input_tokens", step == 0 ? 0 : input / 2));
                chat.Attributes.Add(Str("server.address", "api.openai.com"));
                chat.Attributes.Add(Int("server.port", 443));
                aiScope.Spans.Add(chat);

                var tool = Tools[random.Next(Tools.Length)];
                var failed = random.Next(10) == 0;
                var toolSpan = NewSpan(traceId, Bytes(random, 8), root, $"execute_tool {tool}", Span.Types.SpanKind.Internal, at + 950_000_000UL, at + 1_250_000_000UL);
                toolSpan.Attributes.Add(Str("gen_ai.operation.name", "execute_tool"));
                toolSpan.Attributes.Add(Str("gen_ai.tool.name", tool));
                toolSpan.Attributes.Add(Str("gen_ai.tool.type", "function"));
                toolSpan.Attributes.Add(Str("gen_ai.tool.call.id", $"call_{Convert.ToHexStringLower(Bytes(random, 12))}"));
                if (failed)
                {
                    toolSpan.Attributes.Add(Str("error.type", "TimeoutException"));
                    toolSpan.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "The operation has timed out." };
                }

                aiScope.Spans.Add(toolSpan);
            }
        }

        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(agentScope);
        resourceSpans.ScopeSpans.Add(aiScope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    /// <summary>The same request in OTLP/JSON as an OpenTelemetry exporter writes it (the tests' writer).</summary>
    public static byte[] ToOtlpJson(ExportTraceServiceRequest request) => AgentOps.Silo.Tests.Otlp.OtlpJson.WriteUtf8(request);

    private static Span NewSpan(byte[] traceId, byte[] spanId, byte[]? parent, string name, Span.Types.SpanKind kind, ulong start, ulong end)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = start,
            EndTimeUnixNano = end,
        };
        if (parent is not null)
        {
            span.ParentSpanId = ByteString.CopyFrom(parent);
        }

        return span;
    }

    private static KeyValue Str(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Int(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
