using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AgentOps.Silo.Otlp.Decoding;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentOps.Silo.Tests.Otlp;

/// <summary>
/// The real OpenTelemetry .NET SDK and its OTLP exporter (HTTP/protobuf) around a Microsoft.Extensions.AI chat client
/// with function invocation and OpenTelemetry: the spans it exports become exactly the expected events.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class OtelSdkExportTests(SiloFactory silo)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    // Two model calls of gpt-4o: 1,200 in (1,000 cached) + 80 out, then 1,400 in (1,100 cached) + 120 out.
    private const double ExpectedCost = ((200 + 300) * 2.50 / 1e6) + ((1000 + 1100) * 1.25 / 1e6) + ((80 + 120) * 10.0 / 1e6);

    private readonly HttpClient _reader = silo.ClientWithKey(SiloFactory.AlphaRead);

    [Fact]
    public async Task A_chat_client_with_a_tool_call_exported_by_the_sdk_gives_exact_tokens_cost_model_and_tool_counts()
    {
        var agent = $"sdk-agent-{_suffix}";
        var route = $"sdk-route-{_suffix}";
        var user = $"sdk-user-{_suffix}";

        // The agent is named by the resource (service.name); the run is an invoke_agent span around the chat client.
        var mapped = await ExportAsync(ResourceBuilder.CreateEmpty().AddService(agent, serviceVersion: "1.4.0"), agentSpan: invoke =>
        {
            invoke.SetTag("gen_ai.operation.name", "invoke_agent");
            invoke.SetTag("agentops.route.id", route);
            invoke.SetTag("user.id", user);
        });
        Assert.Equal(4, mapped.Spans);
        Assert.Equal(0, mapped.IgnoredSpans);

        var state = await AssertAgentFiguresAsync(agent);
        Assert.Equal(ExpectedCost, state.Number("metrics.costPerSuccessfulRun"), 9);
        Assert.Equal(1, state.Number("metrics.toolCallsPerRun"));

        // The route and user on the agent span reach every event of the trace.
        var routeState = await WaitAsync($"/v1/routes/{route}?window=1h", s => s.Number("metrics.llmCalls") == 2);
        Assert.Equal(ExpectedCost, routeState.Number("metrics.costUsd"), 9);
        Assert.Equal(1, routeState.Number("metrics.toolCalls"));
        var userState = await WaitAsync($"/v1/users/{user}?window=1h", s => s.Number("metrics.runsSucceeded") == 1);
        Assert.Equal(2600, userState.Number("metrics.inputTokens"));

        // The run is the trace: its steps in time order, the model calls with their messages (sensitive data is on).
        var run = await WaitAsync($"/v1/runs/{mapped.Drafts[0].RunId}", r => r["steps"]?.AsArray().Count == 5);
        Assert.Equal(agent, (string?)run["agentId"]);
        Assert.Equal("success", (string?)run["status"]);
        var steps = run["steps"]!.AsArray();
        Assert.Equal(["run_started", "llm_call", "tool_call", "llm_call", "run_finished"], steps.Select(s => (string?)s!["type"]));
        Assert.Equal("read_file", (string?)steps[2]!["tool"]);
        Assert.Equal("call-1", (string?)steps[2]!["attributes"]!["gen_ai.tool.call.id"]);
        Assert.Equal("openai", (string?)steps[1]!["attributes"]!["gen_ai.provider.name"]);
        Assert.Contains("Summarize the README.", (string?)steps[1]!["input"], StringComparison.Ordinal);
        Assert.Contains("contents of README.md", (string?)steps[3]!["input"], StringComparison.Ordinal);
        Assert.Contains("The README says hello.", (string?)steps[3]!["output"], StringComparison.Ordinal);
        Assert.Equal("1.4.0", (string?)steps[1]!["agentVersion"]);
    }

    [Fact]
    public async Task Without_a_parent_span_the_function_invocation_root_is_the_run_and_a_span_attribute_names_the_agent()
    {
        var agent = $"sdk-tagged-{_suffix}";

        // No invoke_agent span: the function-invoking client opens its own root span (orchestrate_tools, which also
        // carries the summed usage and must not count twice). The agent id is a span attribute set by a processor.
        var mapped = await ExportAsync(ResourceBuilder.CreateEmpty().AddService("some-service"), agentSpan: null, new AgentIdTagger(agent));
        Assert.Equal(4, mapped.Spans);
        Assert.Equal(0, mapped.IgnoredSpans);
        Assert.All(mapped.Drafts, d => Assert.Equal(agent, d.AgentId));

        var state = await AssertAgentFiguresAsync(agent);
        Assert.Equal(ExpectedCost, state.Number("metrics.costPerRun"), 9);
        var run = await WaitAsync($"/v1/runs/{mapped.Drafts[0].RunId}", r => r["steps"]?.AsArray().Count == 5);
        var tool = run["steps"]!.AsArray().Single(s => (string?)s!["type"] == "tool_call")!;
        Assert.Contains("README.md", (string?)tool["input"], StringComparison.Ordinal);
        Assert.Contains("contents of README.md", (string?)tool["output"], StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the scripted conversation through M.E.AI (function invocation + OpenTelemetry) under a real TracerProvider
    /// whose OTLP exporter posts HTTP/protobuf to the in-memory silo, then checks what was sent and answered.
    /// </summary>
    private async Task<AgentOps.Silo.Otlp.Mapping.OtlpMapResult> ExportAsync(ResourceBuilder resource, Action<Activity>? agentSpan, params BaseProcessor<Activity>[] processors)
    {
        // The SDK stamps spans with the real clock; make sure the silo's clock is not behind it.
        var real = DateTimeOffset.UtcNow;
        if (silo.Clock.GetUtcNow() < real)
        {
            silo.Clock.SetUtcNow(real);
        }

        var sourceName = $"AgentOps.Tests.Chat.{Guid.NewGuid():N}";
        var capture = new CapturingHandler();
        var builder = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(sourceName);
        foreach (var processor in processors)
        {
            builder.AddProcessor(processor);
        }

        using (var tracerProvider = builder
            .AddOtlpExporter(o =>
            {
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Endpoint = new Uri(_reader.BaseAddress!, "/v1/traces");
                o.HttpClientFactory = () =>
                {
                    var client = silo.CreateDefaultClient(capture);
                    client.DefaultRequestHeaders.Authorization = new("Bearer", SiloFactory.AlphaIngest);
                    return client;
                };
            })
            .Build())
        using (var agentSource = new ActivitySource(sourceName))
        {
            using var chat = new ChatClientBuilder(new ScriptedChatClient())
                .UseFunctionInvocation()
                .UseOpenTelemetry(sourceName: sourceName, configure: c => c.EnableSensitiveData = true)
                .Build();
            var readFile = AIFunctionFactory.Create((string path) => $"contents of {path}", "read_file", "Reads a file.");

            using (var invoke = agentSpan is null ? null : agentSource.StartActivity("invoke_agent reviewer"))
            {
                if (agentSpan is not null)
                {
                    Assert.NotNull(invoke);
                    agentSpan(invoke);
                }

                var answer = await chat.GetResponseAsync("Summarize the README.", new ChatOptions { Tools = [readFile] });
                Assert.Equal("The README says hello.", answer.Text);
            }

            Assert.True(tracerProvider.ForceFlush(10_000));
        }

        // What the exporter sent: one protobuf request, answered 200 with an empty ExportTraceServiceResponse.
        var exported = Assert.Single(capture.Requests);
        Assert.Equal("application/x-protobuf", exported.ContentType);
        Assert.Equal(HttpStatusCode.OK, exported.Status);
        Assert.Null(AgentOps.Silo.Otlp.Proto.ExportTraceServiceResponse.Parser.ParseFrom(exported.Response).PartialSuccess);
        var mapped = OtlpTraceDecoder.DecodeAndMap(exported.Body);
        Assert.Empty(mapped.InvalidSpans);
        Assert.Single(mapped.Drafts.Select(d => d.RunId).Distinct());
        return mapped;
    }

    private async Task<JsonNode> AssertAgentFiguresAsync(string agent)
    {
        var state = await WaitAsync($"/v1/agents/{agent}?window=1h", s => s.Number("metrics.runsFinished") == 1 && s.Number("metrics.llmCalls") == 2 && s.Number("metrics.toolCalls") == 1);
        Assert.Equal(2600, state.Number("metrics.inputTokens"));
        Assert.Equal(200, state.Number("metrics.outputTokens"));
        Assert.Equal(2100, state.Number("metrics.cachedInputTokens"));
        Assert.Equal(ExpectedCost, state.Number("metrics.costUsd"), 9);
        Assert.Equal(0, state.Number("metrics.unpricedCalls"));
        Assert.Equal(0, state.Number("metrics.errorRate"));
        Assert.Equal(2, state.Number("byModel.gpt-4o.calls"));
        Assert.Equal(2600, state.Number("byModel.gpt-4o.inputTokens"));
        Assert.Equal(ExpectedCost, state.Number("byModel.gpt-4o.costUsd"), 9);
        Assert.Equal(1, state.Number("byTool.read_file.calls"));
        Assert.Equal(0, state.Number("byTool.read_file.errors"));
        Assert.Equal(1, state.Number("metrics.runsStarted"));
        Assert.Equal(1, state.Number("metrics.runsSucceeded"));
        return state;
    }

    private async Task<JsonNode> WaitAsync(string path, Func<JsonNode, bool> ready)
    {
        JsonNode? last = null;
        await Eventually.AssertAsync(async () =>
        {
            var response = await _reader.GetAsync(path);
            last = await response.JsonAsync(HttpStatusCode.OK);
            Assert.True(ready(last), last.ToJsonString());
        });
        return last!;
    }

    /// <summary>Names the agent on every span as it starts, as an application's enrichment processor would.</summary>
    private sealed class AgentIdTagger(string agentId) : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data) => data.SetTag("gen_ai.agent.id", agentId);
    }

    /// <summary>A model that asks for <c>read_file</c> first and answers the second time, reporting usage each time.</summary>
    private sealed class ScriptedChatClient : IChatClient
    {
        private int _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var first = Interlocked.Increment(ref _calls) == 1;
            var message = first
                ? new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "read_file", new Dictionary<string, object?> { ["path"] = "README.md" })])
                : new ChatMessage(ChatRole.Assistant, "The README says hello.");
            return Task.FromResult(new ChatResponse(message)
            {
                ModelId = "gpt-4o",
                FinishReason = first ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
                Usage = first
                    ? new UsageDetails { InputTokenCount = 1200, CachedInputTokenCount = 1000, OutputTokenCount = 80, TotalTokenCount = 1280 }
                    : new UsageDetails { InputTokenCount = 1400, CachedInputTokenCount = 1100, OutputTokenCount = 120, TotalTokenCount = 1520 },
            });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", new Uri("https://api.openai.com/v1"), "gpt-4o")
            : serviceType.IsInstanceOfType(this) ? this
            : null;

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// Forwards to the in-memory server and keeps what was sent and answered. The exporter sends synchronously
    /// (<see cref="HttpClient.Send(HttpRequestMessage)"/>), which the test server refuses, so the synchronous path
    /// runs the asynchronous one on the exporter's own thread.
    /// </summary>
    private sealed class CapturingHandler : DelegatingHandler
    {
        public List<(string? ContentType, byte[] Body, HttpStatusCode Status, byte[] Response)> Requests { get; } = [];

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            SendAsync(request, cancellationToken).GetAwaiter().GetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.Content?.Headers.ContentType?.MediaType, body, response.StatusCode, answer));
            }

            return response;
        }
    }
}
