using System.Text.Json;
using AgentOps.Client.Events;
using AgentOps.Client.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AgentOps.Client.Tests;

public sealed class EventSenderTests
{
    [Fact]
    public async Task Events_are_sent_in_the_contract_shape_with_the_key()
    {
        await using var f = await ClientFixture.StartAsync(o => o.AgentVersion = "v7");
        var attributes = new Dictionary<string, string> { ["tenant"] = "acme" };
        f.Client.Track(new LlmCallEvent("gpt-4o")
        {
            RunId = "run-1",
            RouteId = "checkout",
            UserId = "ana",
            Attributes = attributes,
            InputTokens = 1200,
            OutputTokens = 300,
            CachedInputTokens = 800,
            CostUsd = 0.0125,
            LatencyMs = 432.5,
            Status = CallStatus.Error,
            ErrorType = "RateLimited",
            Attempt = 2,
            Input = "prompt",
            Output = "answer",
        });
        f.Client.Track(new ToolCallEvent("write_file")
        {
            Id = "my-id",
            Timestamp = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            RunId = "run-1",
            Action = ToolAction.Write,
            Target = "db:staging.orders",
            Status = CallStatus.Denied,
            Approved = true,
            LatencyMs = 12,
            Attempt = 1,
            CostUsd = 0.5,
            Input = "{}",
            Output = "no",
        });
        f.Client.Track(new EvalEvent("helpfulness", 0.75) { RunId = "run-1", Passed = false, Evaluator = "judge" });
        f.Client.Track(new RunStartedEvent { RunId = "run-1", Input = "hi" });
        f.Client.Track(new RunFinishedEvent(RunOutcome.Abandoned) { RunId = "run-1" });
        await f.FlushAsync();

        var request = Assert.Single(f.Server.EventRequests);
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        var events = request.Events;
        Assert.Equal(5, events.Count);

        var llm = events[0];
        Assert.Equal("llm_call", llm.GetProperty("type").GetString());
        var id = Guid.Parse(llm.GetProperty("id").GetString()!);
        Assert.Equal(7, id.Version);
        Assert.Equal("2025-06-01T12:00:00.0000000Z", llm.GetProperty("timestamp").GetString());
        Assert.Equal("agent-1", llm.GetProperty("agentId").GetString());
        Assert.Equal("v7", llm.GetProperty("agentVersion").GetString());
        Assert.Equal("run-1", llm.GetProperty("runId").GetString());
        Assert.Equal("checkout", llm.GetProperty("routeId").GetString());
        Assert.Equal("ana", llm.GetProperty("userId").GetString());
        Assert.Equal("acme", llm.GetProperty("attributes").GetProperty("tenant").GetString());
        Assert.Equal("gpt-4o", llm.GetProperty("model").GetString());
        Assert.Equal(1200, llm.GetProperty("inputTokens").GetInt64());
        Assert.Equal(300, llm.GetProperty("outputTokens").GetInt64());
        Assert.Equal(800, llm.GetProperty("cachedInputTokens").GetInt64());
        Assert.Equal(0.0125, llm.GetProperty("costUsd").GetDouble());
        Assert.Equal(432.5, llm.GetProperty("latencyMs").GetDouble());
        Assert.Equal("error", llm.GetProperty("status").GetString());
        Assert.Equal("RateLimited", llm.GetProperty("errorType").GetString());
        Assert.Equal(2, llm.GetProperty("attempt").GetInt32());
        Assert.Equal("prompt", llm.GetProperty("input").GetString());
        Assert.Equal("answer", llm.GetProperty("output").GetString());

        var tool = events[1];
        Assert.Equal("tool_call", tool.GetProperty("type").GetString());
        Assert.Equal("my-id", tool.GetProperty("id").GetString());
        Assert.Equal("2025-06-01T12:00:00.0000000Z", tool.GetProperty("timestamp").GetString());
        Assert.Equal("write_file", tool.GetProperty("tool").GetString());
        Assert.Equal("write", tool.GetProperty("action").GetString());
        Assert.Equal("db:staging.orders", tool.GetProperty("target").GetString());
        Assert.Equal("denied", tool.GetProperty("status").GetString());
        Assert.True(tool.GetProperty("approved").GetBoolean());
        Assert.Equal(0.5, tool.GetProperty("costUsd").GetDouble());
        Assert.False(tool.TryGetProperty("routeId", out _), "null fields are omitted");

        var eval = events[2];
        Assert.Equal("eval", eval.GetProperty("type").GetString());
        Assert.Equal("helpfulness", eval.GetProperty("rubric").GetString());
        Assert.Equal(0.75, eval.GetProperty("score").GetDouble());
        Assert.False(eval.GetProperty("passed").GetBoolean());
        Assert.Equal("judge", eval.GetProperty("evaluator").GetString());

        Assert.Equal("run_started", events[3].GetProperty("type").GetString());
        Assert.Equal("hi", events[3].GetProperty("input").GetString());
        Assert.Equal("run_finished", events[4].GetProperty("type").GetString());
        Assert.Equal("abandoned", events[4].GetProperty("outcome").GetString());

        Assert.Equal(5, request.EventIds.Distinct().Count());
        Assert.Equal(new AgentOpsClientCounters(5, 5, 0, 0, 0, 0, 0), f.Client.Counters);
    }

    [Fact]
    public async Task A_batch_leaves_as_soon_as_it_is_full()
    {
        await using var f = await ClientFixture.StartAsync(o => o.MaxBatchSize = 10);
        for (var i = 0; i < 25; i++)
        {
            f.Client.Track(new RunStartedEvent { RunId = $"run-{i}" });
        }

        await Eventually.AssertAsync(() => Assert.Equal([10, 10], f.Server.EventRequests.Select(r => r.Events.Count)));
        await Task.Delay(200);
        Assert.Equal(2, f.Server.EventRequests.Count); // the last 5 wait for their window (an hour of fake time)
        Assert.Equal(5, f.Client.Counters.Pending);

        await f.FlushAsync();
        Assert.Equal([10, 10, 5], f.Server.EventRequests.Select(r => r.Events.Count));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"run-{i}"), f.Server.AcceptedEvents.Select(e => e.GetProperty("runId").GetString()));
        Assert.Equal(25, f.Client.Counters.Delivered);
    }

    [Fact]
    public async Task A_partial_batch_leaves_when_its_time_window_ends()
    {
        await using var f = await ClientFixture.StartAsync(o => o.FlushInterval = TimeSpan.FromSeconds(1));
        f.Client.Track(new RunStartedEvent { RunId = "a" });
        f.Client.Track(new RunStartedEvent { RunId = "b" });
        f.Client.Track(new RunStartedEvent { RunId = "c" });

        await Task.Delay(200);
        Assert.Empty(f.Server.EventRequests); // the clock has not moved

        await f.AdvanceUntilAsync(TimeSpan.FromMilliseconds(500), () => Assert.Single(f.Server.EventRequests));
        Assert.Equal(3, f.Server.EventRequests[0].Events.Count);
        await Eventually.AssertAsync(() => Assert.Equal(3, f.Client.Counters.Delivered));
    }

    [Fact]
    public async Task A_full_queue_drops_counts_and_logs_at_most_once_per_interval()
    {
        await using var f = await ClientFixture.StartAsync(
            o => (o.MaxBatchSize, o.QueueCapacity, o.DropLogInterval) = (5, 5, TimeSpan.FromSeconds(10)),
            server => server.ReplyToEvents(Replies.Hang(server)));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(f.Client.Track(new RunStartedEvent { RunId = $"first-{i}" }));
        }

        // The first batch is in flight (the server hangs), so the queue is empty and takes exactly 5 more.
        await Eventually.AssertAsync(() => Assert.Single(f.Server.EventRequests));
        var results = Enumerable.Range(0, 8).Select(i => f.Client.Track(new RunStartedEvent { RunId = $"second-{i}" })).ToList();

        Assert.Equal([true, true, true, true, true, false, false, false], results);
        Assert.Equal(10, f.Client.Counters.Enqueued);
        Assert.Equal(3, f.Client.Counters.Dropped);
        Assert.Single(f.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dropped", StringComparison.Ordinal));

        f.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(f.Client.Track(new RunStartedEvent { RunId = "late" }));
        Assert.Equal(2, f.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("dropped", StringComparison.Ordinal)));
        Assert.Contains(f.Logs.Entries, e => e.Message.Contains("dropped 3 events since the last report, 4 in all", StringComparison.Ordinal));

        f.Server.ReleaseHung();
        await f.FlushAsync();
        Assert.Equal(10, f.Client.Counters.Delivered);
        Assert.Equal(4, f.Client.Counters.Dropped);
    }

    [Fact]
    public async Task Track_returns_at_once_and_never_throws_while_the_server_hangs()
    {
        await using var server = await FakeAgentOpsServer.StartAsync();
        server.DefaultEventsReply = Replies.Hang(server);
        var options = new AgentOpsClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "k",
            AgentId = "agent-1",
            MaxBatchSize = 100,
            QueueCapacity = 1_000,
            ShutdownTimeout = TimeSpan.FromMilliseconds(100),
        };
        var client = new AgentOpsClient(options);
        var results = new bool[20_000];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = client.Track(new RunStartedEvent { RunId = "run-1" });
        }

        // Every call came back although no request has been answered.
        Assert.All(server.EventRequests, r => Assert.Null(r.Status));
        var counters = client.Counters;
        Assert.Equal(results.Length, counters.Enqueued + counters.Dropped);
        Assert.Equal(results.Count(r => r), counters.Enqueued);
        Assert.True(counters.Dropped > 0);
        Assert.Equal(0, counters.Delivered);

        await client.DisposeAsync();
        Assert.Equal(0, client.Counters.Pending);
        Assert.Equal(client.Counters.Enqueued, client.Counters.Failed);
    }

    [Fact]
    public async Task A_Retry_After_of_zero_backs_off_instead_of_retrying_at_once()
    {
        await using var f = await ClientFixture.StartAsync(
            o => (o.MaxBatchSize, o.RetryBaseDelay) = (1, TimeSpan.FromSeconds(1)),
            setUp: server => server.ReplyToEvents(Replies.Status(429, retryAfterSeconds: 0)));
        f.Client.Track(new RunStartedEvent { RunId = "a" });

        await Eventually.AssertAsync(() => Assert.Equal(1, f.Client.Counters.Retries));
        await Task.Delay(300); // the fake clock stands still: a retry now would be a busy loop
        Assert.Single(f.Server.EventRequests);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.AssertAsync(() => Assert.Equal(2, f.Server.EventRequests.Count));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_counts_as_delivered_only_after_a_2xx()
    {
        await using var f = await ClientFixture.StartAsync(
            o => o.MaxBatchSize = 2,
            setUp: server => server.ReplyToEvents(Replies.Status(429, retryAfterSeconds: 7)));
        f.Client.Track(new RunStartedEvent { RunId = "a" });
        f.Client.Track(new RunStartedEvent { RunId = "b" });

        await Eventually.AssertAsync(() => Assert.Equal(1, f.Client.Counters.Retries));
        Assert.Single(f.Server.EventRequests);
        Assert.Equal(0, f.Client.Counters.Delivered);

        f.Time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Delay(200);
        Assert.Single(f.Server.EventRequests); // not before Retry-After

        f.Time.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.AssertAsync(() => Assert.Equal(2, f.Client.Counters.Delivered));
        var requests = f.Server.EventRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].EventIds, requests[1].EventIds); // the same events, the same ids: safe to resend
        Assert.Equal(1, f.Client.Counters.Retries);
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried_with_backoff_until_a_2xx()
    {
        await using var f = await ClientFixture.StartAsync(
            o => (o.MaxBatchSize, o.RetryBaseDelay, o.MaxRetryDelay) = (1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)),
            server => server.ReplyToEvents(Replies.Status(500), Replies.Abort(), Replies.Status(503)));
        f.Client.Track(new RunStartedEvent { RunId = "a" });

        await Eventually.AssertAsync(() => Assert.Equal(1, f.Client.Counters.Retries));
        Assert.Equal(0, f.Client.Counters.Delivered);

        await f.AdvanceUntilAsync(TimeSpan.FromMilliseconds(250), () => Assert.Equal(1, f.Client.Counters.Delivered));
        var requests = f.Server.EventRequests;
        Assert.Equal(4, requests.Count);
        Assert.Single(requests.SelectMany(r => r.EventIds).Distinct());
        Assert.Equal(3, f.Client.Counters.Retries);
        Assert.Equal(0, f.Client.Counters.Failed);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Client_errors_are_not_retried(int status)
    {
        await using var f = await ClientFixture.StartAsync(setUp: server => server.ReplyToEvents(Replies.Status(status)));
        f.Client.Track(new RunStartedEvent { RunId = "a" });
        f.Client.Track(new RunStartedEvent { RunId = "b" });

        await f.FlushAsync();
        Assert.Single(f.Server.EventRequests);
        Assert.Equal(new AgentOpsClientCounters(2, 0, 0, 0, 2, 0, 0), f.Client.Counters);
        Assert.Contains(f.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"HTTP {status}", StringComparison.Ordinal));

        f.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(100);
        Assert.Single(f.Server.EventRequests);
    }

    [Fact]
    public async Task A_413_splits_the_batch_until_every_event_is_delivered_once()
    {
        await using var f = await ClientFixture.StartAsync(
            o => o.MaxBatchSize = 10,
            server => server.DefaultEventsReply = (context, request) =>
                request.Events.Count > 3 ? Replies.Status(413)(context, request) : Replies.Accepted()(context, request));
        var ids = Enumerable.Range(0, 10).Select(i => $"e{i}").ToList();
        foreach (var id in ids)
        {
            f.Client.Track(new RunStartedEvent { Id = id, RunId = "run-1" });
        }

        await f.FlushAsync();
        Assert.Equal(ids, f.Server.AcceptedEvents.Select(e => e.GetProperty("id").GetString()));
        Assert.All(f.Server.EventRequests.Where(r => r.Status == 202), r => Assert.True(r.Events.Count <= 3));
        Assert.Equal(new AgentOpsClientCounters(10, 10, 0, 0, 0, 0, 0), f.Client.Counters);
    }

    [Fact]
    public async Task A_single_event_answered_413_is_given_up()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server => server.DefaultEventsReply = Replies.Status(413));
        f.Client.Track(new RunStartedEvent { RunId = "a" });

        await f.FlushAsync();
        Assert.Single(f.Server.EventRequests);
        Assert.Equal(1, f.Client.Counters.Failed);
    }

    [Fact]
    public async Task A_207_counts_per_item_rejects_and_does_not_retry_them()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server => server.ReplyToEvents(Replies.MultiStatus(1, 3)));
        for (var i = 0; i < 5; i++)
        {
            f.Client.Track(new RunStartedEvent { RunId = $"run-{i}" });
        }

        await f.FlushAsync();
        Assert.Single(f.Server.EventRequests);
        Assert.Equal(new AgentOpsClientCounters(5, 3, 0, 2, 0, 0, 0), f.Client.Counters);
        Assert.Contains(f.Logs.Entries, e => e.Message.Contains("2 events rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicates_reported_by_the_server_are_counted_as_delivered_duplicates()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server => server.ReplyToEvents(Replies.Accepted(duplicates: 2)));
        for (var i = 0; i < 3; i++)
        {
            f.Client.Track(new RunStartedEvent { RunId = $"run-{i}" });
        }

        await f.FlushAsync();
        Assert.Equal(new AgentOpsClientCounters(3, 3, 2, 0, 0, 0, 0), f.Client.Counters);
    }

    [Fact]
    public async Task Disposing_sends_what_is_queued_then_refuses_new_events()
    {
        var f = await ClientFixture.StartAsync();
        try
        {
            f.Client.Track(new RunStartedEvent { RunId = "a" });
            f.Client.Track(new RunStartedEvent { RunId = "b" });
            f.Client.Track(new RunStartedEvent { RunId = "c" });
            Assert.Empty(f.Server.EventRequests);

            await f.Client.DisposeAsync();

            Assert.Equal(["a", "b", "c"], f.Server.AcceptedEvents.Select(e => e.GetProperty("runId").GetString()));
            Assert.Equal(3, f.Client.Counters.Delivered);
            Assert.False(f.Client.Track(new RunStartedEvent { RunId = "d" }));
            Assert.Equal(1, f.Client.Counters.Dropped);
        }
        finally
        {
            await f.DisposeAsync();
        }
    }

    [Fact]
    public async Task Disposing_gives_up_after_the_shutdown_timeout_when_the_server_never_answers()
    {
        var f = await ClientFixture.StartAsync(
            o => (o.MaxBatchSize, o.ShutdownTimeout) = (2, TimeSpan.FromSeconds(10)),
            server => server.DefaultEventsReply = Replies.Hang(server));
        try
        {
            f.Client.Track(new RunStartedEvent { RunId = "a" });
            f.Client.Track(new RunStartedEvent { RunId = "b" });
            f.Client.Track(new RunStartedEvent { RunId = "c" });
            await Eventually.AssertAsync(() => Assert.Single(f.Server.EventRequests));

            var dispose = f.Client.DisposeAsync().AsTask();
            await Task.Delay(100);
            Assert.False(dispose.IsCompleted); // it waits for the shutdown timeout (fake time)

            await f.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Assert.True(dispose.IsCompleted));
            await dispose;
            Assert.Equal(new AgentOpsClientCounters(3, 0, 0, 0, 3, 0, 0), f.Client.Counters);
            Assert.Contains(f.Logs.Entries, e => e.Message.Contains("shutdown timeout", StringComparison.Ordinal));
        }
        finally
        {
            await f.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_that_cannot_be_written_as_JSON_is_given_up_alone()
    {
        await using var f = await ClientFixture.StartAsync();
        f.Client.Track(new RunStartedEvent { RunId = "a" });
        f.Client.Track(new LlmCallEvent("gpt-4o") { RunId = "b", CostUsd = double.NaN });
        f.Client.Track(new RunStartedEvent { RunId = "c" });

        await f.FlushAsync();
        Assert.Equal(["a", "c"], f.Server.AcceptedEvents.Select(e => e.GetProperty("runId").GetString()));
        Assert.Equal(new AgentOpsClientCounters(3, 2, 0, 0, 1, 0, 0), f.Client.Counters);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AgentOpsClient(new AgentOpsClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1"),
            MaxBatchSize = 6_000,
        }));
        Assert.Contains("MaxBatchSize", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AgentOpsClient(new AgentOpsClientOptions()));
    }

    [Fact]
    public void Event_json_round_trips_through_the_source_generated_context()
    {
        var body = Http.AgentOpsApiClient.SerializeBatch([new EvalEvent("r", 1) { Id = "x", RunId = "y", AgentId = "z" }]);
        using var document = JsonDocument.Parse(body);
        var e = document.RootElement.GetProperty("events")[0];
        Assert.Equal("eval", e.GetProperty("type").GetString());
        var names = e.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("type", names[0]); // the discriminator leads
        Assert.Equal(["agentId", "id", "rubric", "runId", "score", "type"], names.Order(StringComparer.Ordinal));
    }
}
