using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Otlp.Mapping;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using static AgentOps.Silo.Tests.Otlp.OtlpRequests;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>The span-to-event mapping, without a silo.</summary>
public sealed class OtlpTraceMapperTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly OtlpTraceMapper _mapper = new(new OtlpOptions());

    private OtlpMapResult Map(params Span[] spans) => _mapper.Map(Request("svc", spans));

    private static EventDraft Single(OtlpMapResult result, string type) => Assert.Single(result.Drafts, d => d.Type == type);

    [Fact]
    public void A_chat_span_is_an_llm_call_with_every_genai_field()
    {
        var t = new TraceBuilder(Start);
        var chat = t.Span("chat gpt-4o", t.Span("parent", null, 0, 9), 1, 1.5,
            Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o"), Attr("gen_ai.response.model", "gpt-4o-2024-08-06"),
            Attr("gen_ai.usage.input_tokens", 1200L), Attr("gen_ai.usage.output_tokens", 300L), Attr("gen_ai.usage.cache_read.input_tokens", 800L),
            Attr("gen_ai.usage.cache_creation.input_tokens", 50L), Attr("gen_ai.usage.reasoning.output_tokens", 120L),
            Attr("gen_ai.provider.name", "openai"), Attr("gen_ai.conversation.id", "conv-1"), Attr("error.type", "timeout"));
        chat.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "timed out" };

        var d = Single(Map(chat), "llm_call");
        Assert.Equal($"{t.RunId}-{Convert.ToHexStringLower(chat.SpanId.Span)}", d.Id);
        Assert.Equal(t.RunId, d.RunId);
        Assert.Equal("svc", d.AgentId);
        Assert.Equal("gpt-4o-2024-08-06", d.Model);
        Assert.Equal(1200, d.InputTokens);
        Assert.Equal(300, d.OutputTokens);
        Assert.Equal(800, d.CachedInputTokens);
        Assert.Null(d.CostUsd);
        Assert.Equal(1500, d.LatencyMs!.Value, 6);
        Assert.Equal("error", d.Status);
        Assert.Equal("timeout", d.ErrorType);
        Assert.Equal("2025-06-01T12:00:01.0000000Z", d.Timestamp);
        Assert.Equal("openai", d.Attributes!["gen_ai.provider.name"]);
        Assert.Equal("50", d.Attributes["gen_ai.usage.cache_creation.input_tokens"]);
        Assert.Equal("120", d.Attributes["gen_ai.usage.reasoning.output_tokens"]);
        Assert.Equal("conv-1", d.Attributes["gen_ai.conversation.id"]);
    }

    [Theory]
    [InlineData("text_completion")]
    [InlineData("generate_content")]
    public void Other_model_operations_are_llm_calls_and_deprecated_names_still_count(string operation)
    {
        var t = new TraceBuilder(Start);
        var span = t.Span(operation, t.Span("p", null, 0, 5), 1, 1, Attr("gen_ai.operation.name", operation), Attr("gen_ai.request.model", "gemini-2.0-flash"),
            Attr("gen_ai.usage.prompt_tokens", 10L), Attr("gen_ai.usage.completion_tokens", 5L), Attr("gen_ai.system", "gcp.gemini"));

        var d = Single(Map(span), "llm_call");
        Assert.Equal("gemini-2.0-flash", d.Model);
        Assert.Equal(10, d.InputTokens);
        Assert.Equal(5, d.OutputTokens);
        Assert.Equal("ok", d.Status);
        Assert.Equal("gcp.gemini", d.Attributes!["gen_ai.provider.name"]);
    }

    [Fact]
    public void An_execute_tool_span_is_a_tool_call()
    {
        var t = new TraceBuilder(Start);
        var tool = t.Span("execute_tool get_weather", t.Span("p", null, 0, 5), 1, 0.25,
            Attr("gen_ai.operation.name", "execute_tool"), Attr("gen_ai.tool.name", "get_weather"), Attr("gen_ai.tool.call.id", "call_7"),
            Attr("gen_ai.tool.call.arguments", "{\"city\":\"Lisbon\"}"), Attr("gen_ai.tool.call.result", "sunny"), Attr("gen_ai.tool.type", "function"));

        var d = Single(Map(tool), "tool_call");
        Assert.Equal("get_weather", d.Tool);
        Assert.Equal("{\"city\":\"Lisbon\"}", d.Input);
        Assert.Equal("sunny", d.Output);
        Assert.Equal("ok", d.Status);
        Assert.Equal(250, d.LatencyMs!.Value, 6);
        Assert.Equal("call_7", d.Attributes!["gen_ai.tool.call.id"]);
        Assert.Equal("function", d.Attributes["gen_ai.tool.type"]);

        var unnamed = t.Span("execute_tool search", null, 2, 1, Attr("gen_ai.operation.name", "execute_tool"));
        unnamed.Status = new Status { Code = Status.Types.StatusCode.Error };
        var fromName = Single(Map(unnamed), "tool_call");
        Assert.Equal("search", fromName.Tool);
        Assert.Equal("error", fromName.Status);
    }

    [Fact]
    public void An_invoke_agent_span_is_the_run_and_its_status_the_outcome()
    {
        var t = new TraceBuilder(Start);
        var http = t.Span("POST /ask", null, 0, 30, Attr("http.request.method", "POST"));
        var agent = t.Span("invoke_agent helper", http, 1, 20, Attr("gen_ai.operation.name", "invoke_agent"), Attr("gen_ai.agent.name", "helper"), Attr("gen_ai.agent.version", "7"));
        agent.Status = new Status { Code = Status.Types.StatusCode.Error };
        var chat = t.Span("chat", agent, 2, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));

        var result = Map(http, agent, chat);
        var started = Single(result, "run_started");
        var finished = Single(result, "run_finished");
        var agentEvent = $"{t.RunId}-{Convert.ToHexStringLower(agent.SpanId.Span)}";
        Assert.Equal(agentEvent + "-start", started.Id);
        Assert.Equal(agentEvent + "-end", finished.Id);
        Assert.Equal("2025-06-01T12:00:01.0000000Z", started.Timestamp);
        Assert.Equal("2025-06-01T12:00:21.0000000Z", finished.Timestamp);
        Assert.Equal("failure", finished.Outcome);
        Assert.All(result.Drafts, d => Assert.Equal("helper", d.AgentId)); // the chat span takes its run's agent
        Assert.All(result.Drafts, d => Assert.Equal("7", d.AgentVersion));
        Assert.Equal(1, result.IgnoredSpans); // the HTTP span
        Assert.Equal("POST /ask", result.FirstIgnoredSpanName);
    }

    [Fact]
    public void Without_an_agent_span_the_genai_root_is_the_run_and_a_plain_root_is_none()
    {
        var t = new TraceBuilder(Start);
        var chat = t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        var result = Map(chat);
        Assert.Equal(["run_started", "llm_call", "run_finished"], result.Drafts.Select(d => d.Type));
        Assert.Equal("success", Single(result, "run_finished").Outcome);

        var other = new TraceBuilder(Start);
        var root = other.Span("GET /", null, 0, 2);
        var child = other.Span("chat", root, 0.5, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        Assert.Equal(["llm_call"], Map(root, child).Drafts.Select(d => d.Type));
    }

    [Fact]
    public void OpenInference_kinds_map_like_their_genai_counterparts()
    {
        var t = new TraceBuilder(Start);
        var chain = t.Span("pipeline", null, 0, 10, Attr("openinference.span.kind", "CHAIN"), Attr("session.id", "s-1"), Attr("user.id", "ana"));
        var llm = t.Span("llm", chain, 1, 1, Attr("openinference.span.kind", "LLM"), Attr("llm.model_name", "claude-sonnet-4"),
            Attr("llm.token_count.prompt", 500L), Attr("llm.token_count.completion", 40L), Attr("llm.token_count.prompt_details.cache_read", 100L),
            Attr("llm.cost.total", 0.25), Attr("llm.system", "anthropic"), Attr("input.value", "hi"), Attr("output.value", "hello"));
        var tool = t.Span("tool", chain, 3, 1, Attr("openinference.span.kind", "tool"), Attr("tool.name", "calculator"), Attr("input.value", "1+1"), Attr("output.value", "2"));
        var retriever = t.Span("retrieve", chain, 5, 1, Attr("openinference.span.kind", "RETRIEVER"));

        var result = Map(chain, llm, tool, retriever);
        Assert.Equal(["run_started", "run_finished", "llm_call", "tool_call"], result.Drafts.Select(d => d.Type));
        var call = Single(result, "llm_call");
        Assert.Equal("claude-sonnet-4", call.Model);
        Assert.Equal<(long?, long?, long?, double?)>((500, 40, 100, 0.25), (call.InputTokens, call.OutputTokens, call.CachedInputTokens, call.CostUsd));
        Assert.Equal(("hi", "hello"), (call.Input, call.Output));
        Assert.Equal("anthropic", call.Attributes!["gen_ai.provider.name"]);
        Assert.Equal("s-1", call.Attributes["session.id"]);
        Assert.Equal("ana", call.UserId);
        var toolCall = Single(result, "tool_call");
        Assert.Equal(("calculator", "1+1", "2"), (toolCall.Tool, toolCall.Input, toolCall.Output));
        Assert.Equal(1, result.IgnoredSpans);
    }

    [Fact]
    public void The_agent_is_looked_up_on_the_span_then_the_run_span_then_the_resource()
    {
        var t = new TraceBuilder(Start);
        var agent = t.Span("invoke_agent", null, 0, 10, Attr("gen_ai.operation.name", "invoke_agent"), Attr("gen_ai.agent.name", "planner"));
        var own = t.Span("chat", agent, 1, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"), Attr("gen_ai.agent.id", "asst_1"));
        var inherited = t.Span("chat", agent, 2, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        var result = Map(agent, own, inherited);
        Assert.Equal("asst_1", result.Drafts.Single(d => d.Id!.EndsWith(Convert.ToHexStringLower(own.SpanId.Span), StringComparison.Ordinal)).AgentId);
        Assert.Equal("planner", result.Drafts.Single(d => d.Id!.EndsWith(Convert.ToHexStringLower(inherited.SpanId.Span), StringComparison.Ordinal)).AgentId);

        var orphan = new TraceBuilder(Start).Span("chat", agent, 1, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        Assert.Equal("svc", Single(Map(orphan), "llm_call").AgentId);

        var custom = new OtlpTraceMapper(new OtlpOptions { AgentIdAttributes = ["app.agent"] });
        var tagged = new TraceBuilder(Start).Span("chat", agent, 1, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"), Attr("app.agent", "custom-agent"), Attr("gen_ai.agent.id", "ignored"));
        Assert.Equal("custom-agent", Assert.Single(custom.Map(Request("svc", [tagged])).Drafts).AgentId);
        Assert.Null(Assert.Single(custom.Map(Request("svc", [orphan])).Drafts).AgentId); // no configured attribute: rejected as missing
    }

    [Fact]
    public void Route_and_user_on_any_span_of_a_trace_reach_the_events_that_lack_them()
    {
        var t = new TraceBuilder(Start);
        var root = t.Span("invoke_agent", null, 0, 10, Attr("gen_ai.operation.name", "invoke_agent"));
        var first = t.Span("chat", root, 1, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"), Attr("enduser.id", "bob"));
        var second = t.Span("chat", root, 2, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"), Attr("agentops.route.id", "checkout"), Attr("user.id", "carol"));
        var result = Map(root, first, second);
        Assert.All(result.Drafts, d => Assert.Equal("checkout", d.RouteId));
        Assert.Equal("bob", result.Drafts.Single(d => d.Id!.Contains(Convert.ToHexStringLower(first.SpanId.Span), StringComparison.Ordinal)).UserId);
        Assert.Equal("carol", result.Drafts.Single(d => d.Id!.Contains(Convert.ToHexStringLower(second.SpanId.Span), StringComparison.Ordinal)).UserId);
        Assert.Equal("bob", Single(result, "run_started").UserId); // the first span in the request that names one

        var other = new TraceBuilder(Start);
        var alone = other.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        var fromResource = _mapper.Map(Request("svc", [alone], Attr("agentops.route.id", "search"), Attr("enduser.id", "dave")));
        Assert.All(fromResource.Drafts, d => Assert.Equal(("search", "dave"), (d.RouteId, d.UserId)));
    }

    [Fact]
    public void Evaluation_events_become_evals_with_stable_ids()
    {
        var t = new TraceBuilder(Start);
        var chat = t.Span("chat", t.Span("p", null, 0, 1), 1, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        chat.Events.Add(Event("something.else"));
        chat.Events.Add(Event("gen_ai.evaluation.result", Attr("gen_ai.evaluation.name", "relevance"), Attr("gen_ai.evaluation.score.value", 0.75),
            Attr("gen_ai.evaluation.score.label", "Passed"), Attr("agentops.evaluator", "judge-v2")));
        chat.Events.Add(Event("gen_ai.evaluation.result", Attr("gen_ai.evaluation.name", "toxicity"), Attr("gen_ai.evaluation.score.value", 1L),
            Attr("gen_ai.evaluation.score.label", "fail")));

        var evals = Map(chat).Drafts.Where(d => d.Type == "eval").ToList();
        var prefix = $"{t.RunId}-{Convert.ToHexStringLower(chat.SpanId.Span)}-eval-";
        Assert.Equal([prefix + "1", prefix + "2"], evals.Select(e => e.Id));
        Assert.Equal<(string?, double?, bool?, string?)>(("relevance", 0.75, true, "judge-v2"), (evals[0].Rubric, evals[0].Score, evals[0].Passed, evals[0].Evaluator));
        Assert.Equal<(string?, double?, bool?, string?)>(("toxicity", 1.0, false, null), (evals[1].Rubric, evals[1].Score, evals[1].Passed, evals[1].Evaluator));
        Assert.Equal("2025-06-01T12:00:03.0000000Z", evals[0].Timestamp);
    }

    [Theory]
    [InlineData("pass", true)]
    [InlineData("PASSED", true)]
    [InlineData("true", true)]
    [InlineData("fail", false)]
    [InlineData("Failed", false)]
    [InlineData("false", false)]
    [InlineData("relevant", null)]
    [InlineData(null, null)]
    public void Score_labels_say_passed_or_not(string? label, bool? passed) => Assert.Equal(passed, SpanDrafter.Passed(label));

    [Fact]
    public void Numbers_are_read_from_integers_integral_doubles_and_strings_and_anything_else_is_a_read_error()
    {
        var t = new TraceBuilder(Start);
        var parent = t.Span("p", null, 0, 1);
        var ok = t.Span("chat", parent, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"),
            Attr("gen_ai.usage.input_tokens", "42"), Attr("gen_ai.usage.output_tokens", 7.0));
        var bad = t.Span("chat", parent, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"), Attr("gen_ai.usage.input_tokens", "many"));
        var badScore = t.Span("chat", parent, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        badScore.Events.Add(Event("gen_ai.evaluation.result", Attr("gen_ai.evaluation.name", "x"), Attr("gen_ai.evaluation.score.value", double.NaN)));

        var result = Map(ok, bad, badScore);
        Assert.Equal<(long?, long?)>((42, 7), (result.Drafts[0].InputTokens, result.Drafts[0].OutputTokens));
        Assert.Null(result.Drafts[0].ReadError);
        Assert.Equal(("inputTokens", ItemErrorCodes.InvalidType), (result.Drafts[1].ReadError!.Value.Field, result.Drafts[1].ReadError!.Value.Code));
        Assert.Equal("score", result.Drafts.Single(d => d.Type == "eval").ReadError!.Value.Field);
    }

    [Fact]
    public void Spans_with_bad_ids_are_invalid_and_counted_apart()
    {
        var t = new TraceBuilder(Start);
        var good = t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"));
        var shortSpanId = t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"));
        shortSpanId.SpanId = ByteString.CopyFrom(1, 2, 3);
        var zeroTrace = t.Span("chat", null, 0, 1);
        zeroTrace.TraceId = ByteString.CopyFrom(new byte[16]);
        var badParent = t.Span("chat", null, 0, 1);
        badParent.ParentSpanId = ByteString.CopyFrom(1);

        var result = Map(good, shortSpanId, zeroTrace, badParent);
        Assert.Equal(4, result.Spans);
        Assert.Equal([1, 2, 3], result.InvalidSpans.Select(p => p.SpanIndex));
        Assert.Contains("spanId must be 8 bytes", result.InvalidSpans[0].Message, StringComparison.Ordinal);
        Assert.Contains("traceId", result.InvalidSpans[1].Message, StringComparison.Ordinal);
        Assert.Contains("parentSpanId", result.InvalidSpans[2].Message, StringComparison.Ordinal);
        Assert.All(result.DraftSpans, i => Assert.Equal(0, i));
        Assert.Equal(0, result.IgnoredSpans);
    }

    [Fact]
    public void Times_are_rfc3339_with_100ns_precision_and_absurd_times_stay_readable()
    {
        Assert.Null(SpanDrafter.Timestamp(0));
        Assert.Equal("1970-01-01T00:00:00.0000001Z", SpanDrafter.Timestamp(100));
        Assert.Equal("2025-06-01T12:00:00.1234567Z", SpanDrafter.Timestamp(Nanos(Start) + 123_456_789));
        Assert.Equal("2554-07-21T23:34:33.7095516Z", SpanDrafter.Timestamp(ulong.MaxValue)); // the validator rejects it as in the future
    }

    [Fact]
    public void The_decoder_maps_a_protobuf_payload_in_one_call()
    {
        var t = new TraceBuilder(Start);
        var bytes = Request("svc", [t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "m"))]).ToByteArray();
        var result = AgentOps.Silo.Otlp.Decoding.OtlpTraceDecoder.DecodeAndMap(bytes);
        Assert.Equal(3, result.Drafts.Count);
        Assert.Throws<AgentOps.Silo.Otlp.Decoding.OtlpFormatException>(() => AgentOps.Silo.Otlp.Decoding.OtlpTraceDecoder.DecodeAndMap([0x0A, 0x05, 0x01]));
    }

    private static Span.Types.Event Event(string name, params KeyValue[] attributes)
    {
        var e = new Span.Types.Event { Name = name, TimeUnixNano = Nanos(Start.AddSeconds(3)) };
        e.Attributes.Add(attributes);
        return e;
    }
}
