using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using static AgentOps.Silo.Tests.Otlp.OtlpRequests;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary><c>POST /v1/traces</c> end to end with hand-built spans: figures, idempotency, limits and partial success.</summary>
[Collection(SiloCollection.Name)]
public sealed class TracesApiTests(SiloFactory silo)
{
    // gpt-4o-mini: $0.15 in, $0.60 out per 1M tokens (src/Silo/model-prices.json).
    private const double MiniCost = (2000 * 0.15 / 1e6) + (100 * 0.60 / 1e6);
    private const double OwnCost = 0.0123;

    private readonly HttpClient _ingest = silo.ClientWithKey(SiloFactory.AlphaIngest);
    private readonly HttpClient _read = silo.ClientWithKey(SiloFactory.AlphaRead);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    /// <summary>
    /// An OpenInference agent run: AGENT root (route, user, session), an LLM call with its own cost, a TOOL call, an LLM
    /// call priced from the table with an evaluation event, a nested CHAIN and an HTTP span (both ignored).
    /// </summary>
    private ExportTraceServiceRequest OpenInferenceRun(string agent, string route, string user, out TraceBuilder trace)
    {
        var t = trace = new TraceBuilder(Now.AddMinutes(-3));
        var root = t.Span("support-agent", null, 0, 20,
            Attr("openinference.span.kind", "AGENT"), Attr("agentops.route.id", route), Attr("user.id", user),
            Attr("session.id", $"session-{_suffix}"), Attr("input.value", "Where is my order?"));
        var first = t.Span("ChatCompletion", root, 1, 2,
            Attr("openinference.span.kind", "LLM"), Attr("llm.model_name", "gpt-4o"), Attr("llm.provider", "openai"),
            Attr("llm.token_count.prompt", 1000L), Attr("llm.token_count.completion", 200L),
            Attr("llm.token_count.prompt_details.cache_read", 400L), Attr("llm.cost.total", OwnCost));
        var tool = t.Span("lookup_order", root, 4, 1,
            Attr("openinference.span.kind", "TOOL"), Attr("tool.name", "lookup_order"),
            Attr("input.value", "{\"order\":42}"), Attr("output.value", "shipped"));
        var second = t.Span("ChatCompletion", root, 6, 2,
            Attr("openinference.span.kind", "LLM"), Attr("llm.model_name", "gpt-4o-mini"),
            Attr("llm.token_count.prompt", 2000L), Attr("llm.token_count.completion", 100L));
        var evaluation = new Span.Types.Event { Name = "gen_ai.evaluation.result", TimeUnixNano = Nanos(t.Start.AddSeconds(9)) };
        evaluation.Attributes.Add([Attr("gen_ai.evaluation.name", "helpfulness"), Attr("gen_ai.evaluation.score.value", 0.9), Attr("gen_ai.evaluation.score.label", "pass")]);
        second.Events.Add(evaluation);
        var chain = t.Span("format-answer", root, 9, 1, Attr("openinference.span.kind", "CHAIN"));
        var http = t.Span("GET /orders/42", tool, 4.2, 0.5, Attr("http.request.method", "GET"));
        return Request(agent, [root, first, tool, second, chain, http]);
    }

    private async Task AssertOpenInferenceFiguresAsync(string agent, string route, string user, string runId)
    {
        var state = await WaitAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.runsFinished") == 1 && s.Number("metrics.llmCalls") == 2 && s.Number("metrics.evalCount") == 1);
        Assert.Equal(1, state.Number("metrics.runsStarted"));
        Assert.Equal(1, state.Number("metrics.runsSucceeded"));
        Assert.Equal(1, state.Number("metrics.toolCalls"));
        Assert.Equal(3000, state.Number("metrics.inputTokens"));
        Assert.Equal(300, state.Number("metrics.outputTokens"));
        Assert.Equal(400, state.Number("metrics.cachedInputTokens"));
        Assert.Equal(OwnCost + MiniCost, state.Number("metrics.costUsd"), 9);
        Assert.Equal(OwnCost + MiniCost, state.Number("metrics.costPerSuccessfulRun"), 9);
        Assert.Equal(OwnCost, state.Number("byModel.gpt-4o.costUsd"), 9);
        Assert.Equal(MiniCost, state.Number("byModel.gpt-4o-mini.costUsd"), 9);
        Assert.Equal(1, state.Number("byTool.lookup_order.calls"));
        Assert.Equal(0.9, state.Number("metrics.evalScore"), 9);
        Assert.Equal(1, state.Number("metrics.evalPassRate"));
        Assert.Equal(0, state.Number("metrics.unpricedCalls"));

        var routeState = await WaitAsync($"/v1/routes/{route}?window=1h", s => s.Number("metrics.runsFinished") == 1 && s.Number("metrics.llmCalls") == 2);
        Assert.Equal(OwnCost + MiniCost, routeState.Number("metrics.costUsd"), 9);
        var userState = await WaitAsync($"/v1/users/{user}?window=1h", s => s.Number("metrics.toolCalls") == 1 && s.Number("metrics.llmCalls") == 2);
        Assert.Equal(3000, userState.Number("metrics.inputTokens"));

        var run = await WaitAsync($"/v1/runs/{runId}", r => r["steps"]?.AsArray().Count == 6);
        Assert.Equal(["run_started", "llm_call", "tool_call", "llm_call", "eval", "run_finished"], run["steps"]!.AsArray().Select(s => (string?)s!["type"]));
        Assert.Equal("Where is my order?", (string?)run["steps"]![0]!["input"]);
        Assert.Equal($"session-{_suffix}", (string?)run["steps"]![2]!["attributes"]!["session.id"]);
        Assert.Equal("shipped", (string?)run["steps"]![2]!["output"]);
    }

    [Fact]
    public async Task OpenInference_spans_as_protobuf_give_exact_figures_including_their_own_cost()
    {
        var (agent, route, user) = ($"oi-agent-{_suffix}", $"oi-route-{_suffix}", $"oi-user-{_suffix}");
        var response = await _ingest.PostProtobufAsync(OpenInferenceRun(agent, route, user, out var trace));

        var answer = await response.ExportResponseAsync();
        Assert.Null(answer.PartialSuccess);
        Assert.Equal(2, response.Header(OtlpTraceReceiver.IgnoredSpansHeader));
        Assert.Equal(6, response.Header(OtlpTraceReceiver.AcceptedEventsHeader));
        await AssertOpenInferenceFiguresAsync(agent, route, user, trace.RunId);
    }

    [Fact]
    public async Task The_same_spans_as_otlp_json_give_the_same_figures()
    {
        var (agent, route, user) = ($"json-agent-{_suffix}", $"json-route-{_suffix}", $"json-user-{_suffix}");
        var response = await _ingest.PostJsonAsync(OpenInferenceRun(agent, route, user, out var trace));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(JsonNode.Parse(text)!.AsObject()); // all accepted: an empty ExportTraceServiceResponse
        Assert.Equal(2, response.Header(OtlpTraceReceiver.IgnoredSpansHeader));
        await AssertOpenInferenceFiguresAsync(agent, route, user, trace.RunId);
    }

    [Fact]
    public async Task Re_exported_spans_are_duplicates_and_leave_the_figures_unchanged()
    {
        var (agent, route, user) = ($"again-agent-{_suffix}", $"again-route-{_suffix}", $"again-user-{_suffix}");
        var request = OpenInferenceRun(agent, route, user, out var trace);
        await (await _ingest.PostProtobufAsync(request)).ExportResponseAsync();
        await AssertOpenInferenceFiguresAsync(agent, route, user, trace.RunId);

        var again = await _ingest.PostProtobufAsync(request);
        Assert.Null((await again.ExportResponseAsync()).PartialSuccess);
        Assert.Equal(0, again.Header(OtlpTraceReceiver.AcceptedEventsHeader));
        Assert.Equal(6, again.Header(OtlpTraceReceiver.DuplicateEventsHeader));
        var asJson = await _ingest.PostJsonAsync(request);
        Assert.Equal(6, asJson.Header(OtlpTraceReceiver.DuplicateEventsHeader));

        // A later, different call of the same agent is counted; the re-sent ones still are not.
        var later = new TraceBuilder(Now.AddMinutes(-1));
        var call = later.Span("chat gpt-4o-mini", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o-mini"),
            Attr("gen_ai.usage.input_tokens", 2000L), Attr("gen_ai.usage.output_tokens", 100L));
        await (await _ingest.PostProtobufAsync(Request(agent, [call]))).ExportResponseAsync();
        var state = await WaitAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.llmCalls") == 3);
        Assert.Equal(OwnCost + (2 * MiniCost), state.Number("metrics.costUsd"), 9);
        Assert.Equal(5000, state.Number("metrics.inputTokens"));
        Assert.Equal(2, state.Number("metrics.runsStarted")); // the later GenAI root is a run of its own
        Assert.Equal(1, state.Number("metrics.toolCalls"));
        Assert.Equal(1, state.Number("metrics.evalCount"));
    }

    [Fact]
    public async Task One_invalid_span_among_valid_ones_is_a_partial_success_and_the_rest_count()
    {
        var agent = $"partial-{_suffix}";
        var t = new TraceBuilder(Now.AddMinutes(-2));
        var root = t.Span("invoke_agent", null, 0, 10, Attr("gen_ai.operation.name", "invoke_agent"));
        var spans = Enumerable.Range(0, 3)
            .Select(i => t.Span("chat", root, 1 + i, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o-mini"),
                Attr("gen_ai.usage.input_tokens", 2000L), Attr("gen_ai.usage.output_tokens", 100L)))
            .ToList();
        var invalid = t.Span("chat", root, 5, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o-mini"), Attr("gen_ai.usage.input_tokens", -5L));
        spans.Insert(1, invalid);
        spans.Insert(0, root);

        var response = await _ingest.PostProtobufAsync(Request(agent, spans));
        var partial = (await response.ExportResponseAsync()).PartialSuccess;
        Assert.NotNull(partial);
        Assert.Equal(1, partial.RejectedSpans);
        Assert.Contains("inputTokens", partial.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(invalid.SpanId.Span), partial.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(5, response.Header(OtlpTraceReceiver.AcceptedEventsHeader)); // run_started, run_finished and 3 llm_call
        var state = await WaitAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.llmCalls") == 3 && s.Number("metrics.runsSucceeded") == 1);
        Assert.Equal(3 * MiniCost, state.Number("metrics.costUsd"), 9);

        // The same rule in JSON: partialSuccess with rejectedSpans as an int64 string.
        var json = JsonNode.Parse(await (await _ingest.PostJsonAsync(Request(agent, [invalid]))).Content.ReadAsStringAsync())!;
        Assert.Equal("1", (string?)json["partialSuccess"]!["rejectedSpans"]);
        Assert.Contains("inputTokens", (string?)json["partialSuccess"]!["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spans_without_genai_meaning_are_ignored_and_counted()
    {
        var t = new TraceBuilder(Now.AddMinutes(-1));
        var root = t.Span("GET /", null, 0, 1, Attr("http.request.method", "GET"));
        var child = t.Span("SELECT orders", root, 0.1, 0.2, Attr("db.system", "postgresql"), Attr("db.statement", new string('x', 100_000)));
        var response = await _ingest.PostProtobufAsync(Request($"web-{_suffix}", [root, child]));
        Assert.Null((await response.ExportResponseAsync()).PartialSuccess);
        Assert.Equal(2, response.Header(OtlpTraceReceiver.IgnoredSpansHeader));
        Assert.Equal(0, response.Header(OtlpTraceReceiver.AcceptedEventsHeader));

        var empty = await _ingest.PostOtlpAsync([], Protobuf);
        Assert.Equal(0, empty.Header(OtlpTraceReceiver.IgnoredSpansHeader));
        Assert.Null((await empty.ExportResponseAsync()).PartialSuccess);
    }

    [Fact]
    public async Task Huge_attribute_values_are_truncated_or_rejected_per_span_never_a_server_error()
    {
        var agent = $"huge-{_suffix}";
        var t = new TraceBuilder(Now.AddMinutes(-1));
        var bigInput = new string('q', 200_000);
        var call = t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o"),
            Attr("gen_ai.input.messages", bigInput), Attr("gen_ai.usage.input_tokens", 10L));
        var longAgent = t.Span("chat", null, 2, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o"),
            Attr("gen_ai.agent.id", new string('a', 300)));
        var longConversation = t.Span("execute_tool search", null, 3, 1, Attr("gen_ai.operation.name", "execute_tool"),
            Attr("gen_ai.conversation.id", new string('c', 10_000)));
        var response = await _ingest.PostProtobufAsync(Request(agent, [call, longAgent, longConversation]));

        var partial = (await response.ExportResponseAsync()).PartialSuccess;
        Assert.NotNull(partial);
        Assert.Equal(2, partial.RejectedSpans);
        Assert.Contains("invalid_id", partial.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("too_long", partial.ErrorMessage, StringComparison.Ordinal);
        Assert.True(partial.ErrorMessage.Length < 2_000);

        var run = await WaitAsync($"/v1/runs/{t.RunId}", r => r["steps"]?.AsArray().Count(s => (string?)s!["type"] == "llm_call") == 1);
        var input = (string?)run["steps"]!.AsArray().Single(s => (string?)s!["type"] == "llm_call")!["input"];
        Assert.StartsWith("qqqq", input, StringComparison.Ordinal);
        Assert.Contains("truncated", input, StringComparison.Ordinal);
        Assert.True(input!.Length < 40_000);
    }

    [Fact]
    public async Task A_gzip_body_is_accepted()
    {
        var agent = $"gzip-{_suffix}";
        var t = new TraceBuilder(Now.AddMinutes(-1));
        var call = t.Span("chat", null, 0, 1, Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4o-mini"),
            Attr("gen_ai.usage.input_tokens", 2000L), Attr("gen_ai.usage.output_tokens", 100L));
        var request = Request(agent, [call]);
        await (await _ingest.PostOtlpAsync(Gzip(request.ToByteArray()), Protobuf, "gzip")).ExportResponseAsync();
        var json = await _ingest.PostOtlpAsync(Gzip(Encoding.UTF8.GetBytes(OtlpJson.Write(request))), Json, "gzip");
        Assert.Equal(3, json.Header(OtlpTraceReceiver.DuplicateEventsHeader));

        var state = await WaitAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.llmCalls") == 1);
        Assert.Equal(MiniCost, state.Number("metrics.costUsd"), 9);
    }

    [Fact]
    public async Task Unreadable_bodies_get_a_clear_4xx()
    {
        // Field 1 (resourceSpans) claims 100 bytes but holds 3.
        await (await _ingest.PostOtlpAsync([0x0A, 100, 1, 2, 3], Protobuf)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        await (await _ingest.PostOtlpAsync([0xFF, 0xFF, 0xFF, 0xFF], Protobuf)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        await (await _ingest.PostOtlpAsync("{\"resourceSpans\": ["u8.ToArray(), Json)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        await (await _ingest.PostOtlpAsync("{\"resourceSpans\": 5}"u8.ToArray(), Json)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        await (await _ingest.PostOtlpAsync("[]"u8.ToArray(), Json)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        var badId = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"not-hex\",\"spanId\":\"0102030405060708\"}]}]}]}"u8.ToArray();
        var problem = await (await _ingest.PostOtlpAsync(badId, Json)).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
        Assert.Contains("traceId", (string?)problem["detail"], StringComparison.Ordinal);

        await (await _ingest.PostOtlpAsync([1, 2, 3, 4], Protobuf, "gzip")).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidEncoding);
        await (await _ingest.PostOtlpAsync([1, 2, 3], Protobuf, "br")).ProblemAsync(HttpStatusCode.UnsupportedMediaType, OtlpProblemCodes.UnsupportedEncoding);
        await (await _ingest.PostOtlpAsync([1, 2, 3], "text/plain")).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var noType = await _ingest.PostAsync("/v1/traces", new ByteArrayContent([1, 2, 3]));
        await noType.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Bodies_over_5_MiB_are_413_before_and_after_decompression()
    {
        var oversize = new byte[(5 * 1024 * 1024) + 1];
        await (await _ingest.PostOtlpAsync(oversize, Protobuf)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        // Without a Content-Length the limit holds while reading.
        var streamed = new StreamContent(new UnseekableStream(new MemoryStream(oversize)));
        streamed.Headers.ContentType = new(Protobuf);
        await (await _ingest.PostAsync("/v1/traces", streamed)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        // A small gzip body that inflates past the limit.
        var bomb = Gzip(new byte[6 * 1024 * 1024]);
        Assert.True(bomb.Length < 100_000);
        var problem = await (await _ingest.PostOtlpAsync(bomb, Protobuf, "gzip")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains("decompressed", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_body_that_would_decode_into_millions_of_objects_is_413_in_either_encoding()
    {
        // An empty span is two bytes of protobuf (field 2, length 0) and three of JSON: 2.5 million of them gzip to ~5 KB
        // and used to take the silo's heap past a gigabyte for one request.
        var spans = Enumerable.Repeat(new byte[] { 0x12, 0x00 }, 2_500_000).SelectMany(b => b).ToArray();
        var protobuf = WireField(1, WireField(2, spans)); // request.resource_spans { scope_spans { spans... } }
        var problem = await (await _ingest.PostOtlpAsync(Gzip(protobuf), Protobuf, "gzip")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Contains("smaller batches", (string?)problem["detail"], StringComparison.Ordinal);

        var json = $$"""{"resourceSpans":[{"scopeSpans":[{"spans":[{{string.Join(",", Enumerable.Repeat("{}", 1_200_000))}}]}]}]}""";
        await (await _ingest.PostOtlpAsync(Gzip(Encoding.UTF8.GetBytes(json)), Json, "gzip")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        // An attribute value nested 100,000 arrays deep is the protobuf parser's to refuse: a clear 400, not a stack overflow.
        await (await _ingest.PostOtlpAsync(Gzip(DeeplyNestedAttribute(100_000)), Protobuf, "gzip")).ProblemAsync(HttpStatusCode.BadRequest, OtlpProblemCodes.InvalidOtlp);
    }


    /// <summary>One span with one attribute whose value is an array in an array ... <paramref name="levels"/> deep, built from the inside out.</summary>
    private static byte[] DeeplyNestedAttribute(int levels)
    {
        var buffer = new byte[(levels * 12) + 64];
        var start = buffer.Length;
        void Prepend(byte[] bytes)
        {
            start -= bytes.Length;
            bytes.CopyTo(buffer, start);
        }

        void Wrap(int field)
        {
            var length = (ulong)(buffer.Length - start);
            Prepend(Varint(length));
            Prepend(Varint((ulong)((field << 3) | 2)));
        }

        Prepend([0x18, 0x01]); // AnyValue.int_value = 1
        for (var i = 0; i < levels; i++)
        {
            Wrap(1); // ArrayValue.values
            Wrap(5); // AnyValue.array_value
        }

        foreach (var field in new[] { 2, 9, 2, 2, 1 }) // KeyValue.value, Span.attributes, ScopeSpans.spans, ResourceSpans.scope_spans, request.resource_spans
        {
            Wrap(field);
        }

        return buffer[start..];
    }

    [Fact]
    public async Task Traces_need_an_ingest_key()
    {
        var body = Request("x", []).ToByteArray();
        await (await silo.ClientWithKey(null).PostOtlpAsync(body, Protobuf)).ProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await _read.PostOtlpAsync(body, Protobuf)).ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await silo.ClientWithKey(SiloFactory.AlphaAdmin).PostOtlpAsync(body, Protobuf)).ExportResponseAsync();
    }

    private async Task<JsonNode> WaitAsync(string path, Func<JsonNode, bool> ready)
    {
        JsonNode? last = null;
        await Eventually.AssertAsync(async () =>
        {
            var response = await _read.GetAsync(path);
            last = await response.JsonAsync(HttpStatusCode.OK);
            Assert.True(ready(last), last.ToJsonString());
        });
        return last!;
    }

    /// <summary>A stream whose length is unknown, so the request carries no Content-Length.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
