using AgentOps.Client.Events;
using AgentOps.Client.Runs;
using AgentOps.Client.Tests.Infrastructure;

namespace AgentOps.Client.Tests;

public sealed class RunScopeTests
{
    [Fact]
    public async Task Every_event_of_a_run_carries_its_agent_run_route_user_and_version()
    {
        await using var f = await ClientFixture.StartAsync();
        using (var run = f.Client.StartRun(runId: "run-1", agentId: "pr-reviewer", routeId: "code-review", userId: "ana", agentVersion: "v3", input: "review #12"))
        {
            run.TrackLlmCall("gpt-4o", inputTokens: 100, outputTokens: 10, cachedInputTokens: 50, latencyMs: 20, attempt: 1);
            run.TrackToolCall("read_file", ToolAction.Read, "repo:main", CallStatus.Ok, latencyMs: 3);
            run.TrackEval("correctness", 0.9, passed: true, evaluator: "judge");
            run.Track(new ToolCallEvent("search") { RouteId = "other-route" });
            Assert.True(run.Finish(RunOutcome.Success));
            Assert.False(run.Finish(RunOutcome.Failure));
        }

        await f.FlushAsync();
        var events = f.Server.AcceptedEvents;
        Assert.Equal(["run_started", "llm_call", "tool_call", "eval", "tool_call", "run_finished"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e =>
        {
            Assert.Equal("pr-reviewer", e.GetProperty("agentId").GetString());
            Assert.Equal("run-1", e.GetProperty("runId").GetString());
            Assert.Equal("ana", e.GetProperty("userId").GetString());
            Assert.Equal("v3", e.GetProperty("agentVersion").GetString());
            Assert.Equal("2025-06-01T12:00:00.0000000Z", e.GetProperty("timestamp").GetString());
        });
        Assert.Equal(["code-review", "code-review", "code-review", "code-review", "other-route", "code-review"], events.Select(e => e.GetProperty("routeId").GetString()));
        Assert.Equal("review #12", events[0].GetProperty("input").GetString());
        Assert.Equal("success", events[5].GetProperty("outcome").GetString());
        Assert.Equal(6, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_run_disposed_without_an_outcome_is_abandoned_and_the_ambient_run_is_restored()
    {
        await using var f = await ClientFixture.StartAsync();
        Assert.Null(RunScope.Current);
        using (var outer = f.Client.StartRun(runId: "outer"))
        {
            Assert.Same(outer, RunScope.Current);
            using (var inner = f.Client.StartRun(runId: "inner"))
            {
                Assert.Same(inner, RunScope.Current);
                await Task.Yield();
                Assert.Same(inner, RunScope.Current); // flows across awaits
            }

            Assert.Same(outer, RunScope.Current);
            outer.Finish(RunOutcome.Failure);
        }

        Assert.Null(RunScope.Current);
        await f.FlushAsync();
        var finished = f.Server.AcceptedEvents.Where(e => e.GetProperty("type").GetString() == "run_finished")
            .Select(e => (e.GetProperty("runId").GetString(), e.GetProperty("outcome").GetString()));
        Assert.Equal([("inner", "abandoned"), ("outer", "failure")], finished);
        Assert.Equal("agent-1", f.Server.AcceptedEvents[0].GetProperty("agentId").GetString()); // the options' default agent
    }

    [Fact]
    public async Task A_run_gets_a_UUIDv7_id_when_none_is_given_and_bad_ids_are_refused()
    {
        await using var f = await ClientFixture.StartAsync();
        using (var run = f.Client.StartRun())
        {
            Assert.Equal(7, Guid.Parse(run.RunId).Version);
        }

        Assert.Throws<ArgumentException>(() => f.Client.StartRun(runId: "has space"));
        Assert.Throws<ArgumentException>(() => f.Client.StartRun(routeId: "a/b"));
        Assert.Null(RunScope.Current);
    }

    [Fact]
    public async Task Ids_are_unique_across_threads()
    {
        await using var f = await ClientFixture.StartAsync(o => (o.MaxBatchSize, o.QueueCapacity) = (5_000, 50_000));
        Parallel.For(0, 20_000, i => f.Client.Track(new RunStartedEvent { RunId = "r" }));
        await f.FlushAsync();
        var ids = f.Server.AcceptedEvents.Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(20_000, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
