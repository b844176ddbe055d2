using System.Text.Json;
using AgentOps.Client.ChatClients;
using AgentOps.Client.Events;
using AgentOps.Client.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace AgentOps.Client.Tests;

public sealed class ChatClientMiddlewareTests
{
    private static ChatResponse ToolCallResponse(string callId, string tool, string? modelId, UsageDetails usage) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, new Dictionary<string, object?> { ["path"] = "a.txt" })]))
        {
            ModelId = modelId,
            Usage = usage,
        };

    private static ChatResponse TextResponse(string text, string? modelId, UsageDetails? usage) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { ModelId = modelId, Usage = usage };

    private static List<JsonElement> Sent(ClientFixture f, string type) =>
        [.. f.Server.AcceptedEvents.Where(e => e.GetProperty("type").GetString() == type)];

    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetInt64() : null;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetString() : null;

    [Fact]
    public async Task Model_and_tool_calls_of_a_run_become_exactly_the_expected_events()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time)
            .Then(Turn.Answer(ToolCallResponse("call-1", "read_file", "gpt-4o-2024-08-06", new UsageDetails { InputTokenCount = 1200, OutputTokenCount = 80, CachedInputTokenCount = 1000 }), latencyMs: 120))
            .Then(Turn.Answer(TextResponse("done", modelId: null, new UsageDetails
            {
                InputTokenCount = 1300,
                OutputTokenCount = 20,
                AdditionalCounts = new() { ["InputTokenDetails.CachedTokenCount"] = 1200 },
            }), latencyMs: 200));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();

        using (var run = f.Client.StartRun(runId: "run-1", agentId: "pr-reviewer", routeId: "code-review", userId: "ana", agentVersion: "v3"))
        {
            List<ChatMessage> messages = [new(ChatRole.User, "review a.txt")];
            var first = await chat.GetResponseAsync(messages);
            messages.AddRange(first.Messages);
            f.Time.Advance(TimeSpan.FromMilliseconds(30)); // the tool runs
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", "file contents")]));
            var second = await chat.GetResponseAsync(messages, new ChatOptions { ModelId = "gpt-4o-mini" });
            Assert.Equal("done", second.Text);
            run.Finish(RunOutcome.Success);
        }

        await f.FlushAsync();
        var events = f.Server.AcceptedEvents;
        Assert.Equal(["run_started", "llm_call", "tool_call", "llm_call", "run_finished"], events.Select(e => Text(e, "type")));
        Assert.All(events, e =>
        {
            Assert.Equal("pr-reviewer", Text(e, "agentId"));
            Assert.Equal("run-1", Text(e, "runId"));
            Assert.Equal("code-review", Text(e, "routeId"));
            Assert.Equal("ana", Text(e, "userId"));
            Assert.Equal("v3", Text(e, "agentVersion"));
        });

        var llm1 = events[1];
        Assert.Equal("gpt-4o-2024-08-06", Text(llm1, "model"));
        Assert.Equal(1200, Long(llm1, "inputTokens"));
        Assert.Equal(80, Long(llm1, "outputTokens"));
        Assert.Equal(1000, Long(llm1, "cachedInputTokens"));
        Assert.Equal(120, llm1.GetProperty("latencyMs").GetDouble());
        Assert.Equal("ok", Text(llm1, "status"));
        Assert.Equal(1, Long(llm1, "attempt"));
        Assert.Equal("2025-06-01T12:00:00.0000000Z", Text(llm1, "timestamp"));
        Assert.False(llm1.TryGetProperty("input", out _), "content is not recorded by default");

        var tool = events[2];
        Assert.Equal("read_file", Text(tool, "tool"));
        Assert.Equal("ok", Text(tool, "status"));
        Assert.Equal(30, tool.GetProperty("latencyMs").GetDouble());
        Assert.Equal("2025-06-01T12:00:00.1200000Z", Text(tool, "timestamp"));

        var llm2 = events[3];
        Assert.Equal("gpt-4o-mini", Text(llm2, "model")); // from ChatOptions.ModelId
        Assert.Equal(1300, Long(llm2, "inputTokens"));
        Assert.Equal(1200, Long(llm2, "cachedInputTokens")); // from AdditionalCounts
        Assert.Equal(200, llm2.GetProperty("latencyMs").GetDouble());
        Assert.Equal(1, Long(llm2, "attempt"));
    }

    [Fact]
    public async Task A_call_after_failed_calls_of_the_same_run_is_a_retry_and_success_resets_the_count()
    {
        await using var f = await ClientFixture.StartAsync();
        var ok = TextResponse("ok", "gpt-4o", new UsageDetails { InputTokenCount = 10, OutputTokenCount = 1 });
        var model = new FakeChatClient(f.Time)
            .Then(Turn.Fail(new HttpRequestException("rate limited"), latencyMs: 5))
            .Then(Turn.Fail(new TimeoutException()))
            .Then(Turn.Answer(ok, 1))
            .Then(Turn.Answer(ok, 1))
            .Then(Turn.Fail(new InvalidOperationException()))
            .Then(Turn.Answer(ok, 1));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();
        List<ChatMessage> prompt = [new(ChatRole.User, "hi")];

        using (f.Client.StartRun(runId: "run-a"))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => chat.GetResponseAsync(prompt));
            await Assert.ThrowsAsync<TimeoutException>(() => chat.GetResponseAsync(prompt));
            await chat.GetResponseAsync(prompt);
            await chat.GetResponseAsync(prompt);
            await Assert.ThrowsAsync<InvalidOperationException>(() => chat.GetResponseAsync(prompt));
        }

        using (f.Client.StartRun(runId: "run-b"))
        {
            await chat.GetResponseAsync(prompt); // another run's failure does not make this a retry
        }

        await f.FlushAsync();
        var calls = Sent(f, "llm_call");
        Assert.Equal(["run-a", "run-a", "run-a", "run-a", "run-a", "run-b"], calls.Select(e => Text(e, "runId")));
        Assert.Equal([1, 2, 3, 1, 1, 1], calls.Select(e => Long(e, "attempt")));
        Assert.Equal(["error", "error", "ok", "ok", "error", "ok"], calls.Select(e => Text(e, "status")));
        Assert.Equal(["HttpRequestException", "TimeoutException", null, null, "InvalidOperationException", null], calls.Select(e => Text(e, "errorType")));
        Assert.Equal(5, calls[0].GetProperty("latencyMs").GetDouble());
        Assert.Equal("unknown", Text(calls[0], "model")); // a failed call has no response and no model was named
    }

    [Fact]
    public async Task The_run_can_come_from_chat_options_and_the_keys_do_not_reach_the_model()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time) { DefaultModelId = "claude-sonnet-4-5" }
            .Then(Turn.Answer(TextResponse("ok", modelId: null, new UsageDetails { InputTokenCount = 5, OutputTokenCount = 2 }), 7));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();
        var options = new ChatOptions { AdditionalProperties = new() { ["keep"] = "me" } }
            .WithAgentOpsRun("run-9", agentId: "agent-9", routeId: "route-9", userId: "user-9", agentVersion: "v9");

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options);

        var seen = Assert.Single(model.Calls).Options!;
        Assert.Equal(["keep"], seen.AdditionalProperties!.Keys);
        Assert.Equal(6, options.AdditionalProperties!.Count); // the caller's options are untouched
        await f.FlushAsync();
        var call = Assert.Single(Sent(f, "llm_call"));
        Assert.Equal(("agent-9", "run-9", "route-9", "user-9", "v9"), (Text(call, "agentId"), Text(call, "runId"), Text(call, "routeId"), Text(call, "userId"), Text(call, "agentVersion")));
        Assert.Equal("claude-sonnet-4-5", Text(call, "model")); // the inner client's default model
    }

    [Fact]
    public async Task A_run_named_in_the_options_inside_an_ambient_run_is_the_ambient_agents()
    {
        await using var f = await ClientFixture.StartAsync(); // its default agent is agent-1
        var model = new FakeChatClient(f.Time).Then(Turn.Answer(TextResponse("ok", "gpt-4o", null), 1));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();

        using (f.Client.StartRun(runId: "outer", agentId: "pr-reviewer", routeId: "review"))
        {
            await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions().WithAgentOpsRun("sub-run-1"));
        }

        await f.FlushAsync();
        var call = Assert.Single(Sent(f, "llm_call"));
        Assert.Equal(("pr-reviewer", "sub-run-1", null), (Text(call, "agentId"), Text(call, "runId"), Text(call, "routeId")));
    }

    [Fact]
    public async Task A_tool_call_hook_that_throws_is_logged_and_the_model_is_still_called()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time)
            .Then(Turn.Answer(ToolCallResponse("call-1", "read_file", "gpt-4o", new UsageDetails()), 1))
            .Then(Turn.Answer(TextResponse("done", "gpt-4o", null), 1));
        using var chat = new ChatClientBuilder(model)
            .UseAgentOps(f.Client, o => o.ConfigureToolCall = (e, call, result) => e.Target = (string)call.Arguments!["missing"]!)
            .Build();

        using (f.Client.StartRun(runId: "run-1"))
        {
            List<ChatMessage> messages = [new(ChatRole.User, "hi")];
            messages.AddRange((await chat.GetResponseAsync(messages)).Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", "contents")]));
            Assert.Equal("done", (await chat.GetResponseAsync(messages)).Text);
        }

        Assert.Equal(2, model.Calls.Count);
    }

    [Fact]
    public async Task A_call_outside_any_run_passes_through_unrecorded()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time).Then(Turn.Answer(TextResponse("ok", "gpt-4o", null), 1));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("ok", response.Text);
        Assert.Equal(1, chat.GetService<AgentOpsChatClient>()!.UnattributedCalls);
        await f.FlushAsync();
        Assert.Equal(0, f.Client.Counters.Enqueued);
    }

    [Fact]
    public async Task Streaming_calls_record_model_usage_latency_and_tool_calls()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time)
            .Then(new Turn
            {
                Latency = TimeSpan.FromMilliseconds(90),
                Updates =
                [
                    new ChatResponseUpdate(ChatRole.Assistant, "Let me ") { ModelId = "claude-sonnet-4-5" },
                    new ChatResponseUpdate(ChatRole.Assistant, "search.") { ModelId = "claude-sonnet-4-5" },
                    new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("call-7", "search")]) { ModelId = "claude-sonnet-4-5" },
                    new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 500, OutputTokenCount = 40, CachedInputTokenCount = 100 })]),
                ],
            })
            .Then(new Turn
            {
                Latency = TimeSpan.FromMilliseconds(60),
                Updates = [new ChatResponseUpdate(ChatRole.Assistant, "Found it.") { ModelId = "claude-sonnet-4-5" }],
            });
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();

        using (f.Client.StartRun(runId: "run-s", routeId: "search", userId: "bo"))
        {
            List<ChatMessage> messages = [new(ChatRole.User, "find it")];
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chat.GetStreamingResponseAsync(messages))
            {
                updates.Add(update);
            }

            Assert.Equal(4, updates.Count); // passed through unchanged
            messages.AddRange(updates.ToChatResponse().Messages);
            f.Time.Advance(TimeSpan.FromMilliseconds(15));
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-7", new { hits = 3 }) { Exception = new IOException("index down") }]));
            await foreach (var update in chat.GetStreamingResponseAsync(messages))
            {
                Assert.Equal("Found it.", update.Text);
            }
        }

        await f.FlushAsync();
        var events = f.Server.AcceptedEvents;
        Assert.Equal(["run_started", "llm_call", "tool_call", "llm_call", "run_finished"], events.Select(e => Text(e, "type")));
        Assert.All(events, e => Assert.Equal(("search", "bo"), (Text(e, "routeId"), Text(e, "userId"))));
        var first = events[1];
        Assert.Equal("claude-sonnet-4-5", Text(first, "model"));
        Assert.Equal((500L, 40L, 100L), (Long(first, "inputTokens")!.Value, Long(first, "outputTokens")!.Value, Long(first, "cachedInputTokens")!.Value));
        Assert.Equal(90, first.GetProperty("latencyMs").GetDouble());
        Assert.Equal("ok", Text(first, "status"));
        var tool = events[2];
        Assert.Equal("search", Text(tool, "tool"));
        Assert.Equal("error", Text(tool, "status"));
        Assert.Equal("IOException", tool.GetProperty("attributes").GetProperty("errorType").GetString());
        Assert.Equal(15, tool.GetProperty("latencyMs").GetDouble());
        var second = events[3];
        Assert.Equal(60, second.GetProperty("latencyMs").GetDouble());
        Assert.False(second.TryGetProperty("inputTokens", out _)); // no usage reported, none invented
    }

    [Fact]
    public async Task A_stream_that_fails_midway_is_recorded_as_an_error_and_the_exception_reaches_the_caller()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time)
            .Then(new Turn
            {
                Latency = TimeSpan.FromMilliseconds(40),
                Updates = [new ChatResponseUpdate(ChatRole.Assistant, "partial") { ModelId = "gpt-4o" }],
                Error = new InvalidOperationException("stream broke"),
            })
            .Then(Turn.Answer(TextResponse("ok", "gpt-4o", null), 1));
        using var chat = new ChatClientBuilder(model).UseAgentOps(f.Client).Build();

        using (f.Client.StartRun(runId: "run-x"))
        {
            var received = 0;
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
                {
                    received++;
                }
            });
            Assert.Equal(1, received);
            await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "again")]))
            {
                Assert.Equal("ok", update.Text);
            }
        }

        await f.FlushAsync();
        var calls = Sent(f, "llm_call");
        Assert.Equal(2, calls.Count);
        Assert.Equal(("error", "InvalidOperationException", "gpt-4o", 1L), (Text(calls[0], "status"), Text(calls[0], "errorType"), Text(calls[0], "model"), Long(calls[0], "attempt")!.Value));
        Assert.Equal(40, calls[0].GetProperty("latencyMs").GetDouble());
        Assert.Equal(("ok", 2L), (Text(calls[1], "status"), Long(calls[1], "attempt")!.Value));
    }

    [Fact]
    public async Task Content_is_recorded_when_asked_and_cut_to_size()
    {
        await using var f = await ClientFixture.StartAsync();
        var model = new FakeChatClient(f.Time)
            .Then(Turn.Answer(ToolCallResponse("c1", "read_file", "gpt-4o", new UsageDetails()), 1))
            .Then(Turn.Answer(TextResponse(new string('x', 50), "gpt-4o", null), 1));
        using var chat = new ChatClientBuilder(model)
            .UseAgentOps(f.Client, o =>
            {
                o.RecordContent = true;
                o.MaxContentChars = 20;
                o.ConfigureToolCall = (e, call, result) => (e.Action, e.Target) = (ToolAction.Read, $"file:{call.Arguments!["path"]}");
                o.ConfigureLlmCall = (e, response, error) => e.CostUsd = 0.01;
            })
            .Build();

        using (f.Client.StartRun(runId: "run-c"))
        {
            List<ChatMessage> messages = [new(ChatRole.User, "read it")];
            messages.AddRange((await chat.GetResponseAsync(messages)).Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "hello")]));
            await chat.GetResponseAsync(messages);
        }

        await f.FlushAsync();
        var tool = Assert.Single(Sent(f, "tool_call"));
        Assert.Equal("{\"path\":\"a.txt\"}", Text(tool, "input"));
        Assert.Equal("hello", Text(tool, "output"));
        Assert.Equal(("read", "file:a.txt"), (Text(tool, "action"), Text(tool, "target")));
        var calls = Sent(f, "llm_call");
        Assert.Equal("read it", Text(calls[0], "input"));
        Assert.Equal(new string('x', 20), Text(calls[1], "output"));
        Assert.All(calls, c => Assert.Equal(0.01, c.GetProperty("costUsd").GetDouble()));
    }
}
