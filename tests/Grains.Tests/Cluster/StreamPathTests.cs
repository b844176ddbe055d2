using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Policy;
using AgentOps.Runs;

namespace AgentOps.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class StreamPathTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private readonly string _project = "p" + Guid.NewGuid().ToString("N")[..8];
    private readonly IngestOptions _options = new();

    private DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private AgentEvent Event(EventType type, string agent, string run, string? route = "checkout", string? user = "u1") => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Type = type,
        Timestamp = Now.AddSeconds(-5),
        AgentId = agent,
        RunId = run,
        RouteId = route,
        UserId = user,
    };

    private Task<int> PublishAsync(IReadOnlyList<AgentEvent> events) => new ClusterPublisher(fixture.Client, _project).PublishAsync(events);

    private Task<EntitySnapshot?> AgentAsync(string id) => fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, id)).GetSnapshotAsync(Hour);

    private List<AgentEvent> OneRun(string agent, string run, double cost) =>
    [
        Event(EventType.RunStarted, agent, run),
        Event(EventType.LlmCall, agent, run) with { Model = "gpt-4o", InputTokens = 100, OutputTokens = 10, CostNanos = Money.ToNanos(cost) },
        Event(EventType.ToolCall, agent, run) with { Tool = "read_file" },
        Event(EventType.RunFinished, agent, run) with { Outcome = RunOutcome.Success },
    ];

    [Fact]
    public async Task Events_published_on_the_stream_reach_the_agent_route_and_user_grains()
    {
        await PublishAsync([.. OneRun("agent-1", "run-1", 0.25), .. OneRun("agent-2", "run-2", 0.75)]);

        await Eventually.AssertAsync(async () =>
        {
            var agent = await AgentAsync("agent-1");
            Assert.NotNull(agent);
            Assert.Equal(0.25, agent.Metrics.CostPerSuccessfulRun, 9);
            Assert.Equal(1, agent.Metrics.ToolCallsPerRun);
        });
        await Eventually.AssertAsync(async () =>
        {
            var route = await fixture.Client.GetGrain<IRouteGrain>(GrainKeys.For(_project, "checkout")).GetSnapshotAsync(Hour);
            Assert.Equal(2, route?.Metrics.RunsSucceeded);
            Assert.Equal(0.5, route!.Metrics.CostPerRun, 9);
            var user = await fixture.Client.GetGrain<IUserGrain>(GrainKeys.For(_project, "u1")).GetSnapshotAsync(Hour);
            Assert.Equal(2, user?.Metrics.LlmCalls);
        });
    }

    [Fact]
    public async Task A_chunk_published_again_is_reported_as_duplicates_and_counted_once()
    {
        var events = OneRun("agent-dup", "run-dup", 0.10);
        Assert.Equal(0, await PublishAsync(events));
        Assert.Equal(events.Count, await PublishAsync(events));

        await Eventually.AssertAsync(async () => Assert.Equal(1, (await AgentAsync("agent-dup"))?.Metrics.RunsFinished));
        await Task.Delay(200); // give a wrongly counted second copy the time to show
        var agent = await AgentAsync("agent-dup");
        Assert.Equal(1, agent!.Metrics.LlmCalls);
        Assert.Equal(0.10, agent.Metrics.CostUsd, 9);
    }

    [Fact]
    public async Task A_delivery_applied_twice_is_counted_once()
    {
        var grain = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "agent-w"));
        var delivery = new EntityDelivery(3, 42, OneRun("agent-w", "run-w", 1.0));

        await grain.ApplyAsync(delivery);
        await grain.ApplyAsync(delivery);
        await grain.ApplyAsync(delivery with { Flush = 41 });

        Assert.Equal(1, (await grain.GetSnapshotAsync(Hour))!.Metrics.RunsFinished);
    }

    [Fact]
    public async Task Tool_calls_are_judged_by_the_agent_policy_and_violations_are_counted_everywhere()
    {
        var agent = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "migrator"));
        await agent.SetPolicyAsync(new AutonomyPolicy { AllowedTools = ["db_*"], WriteTargets = ["db:staging.*"] });

        var denied = Event(EventType.ToolCall, "migrator", "m1") with { Tool = "db_write", Action = ToolAction.Write, Target = "db:production.users", Status = CallStatus.Denied };
        var offList = Event(EventType.ToolCall, "migrator", "m1") with { Tool = "shell" };
        var fine = Event(EventType.ToolCall, "migrator", "m1") with { Tool = "db_write", Action = ToolAction.Write, Target = "db:staging.users" };
        await PublishAsync([denied, offList, fine]);

        await Eventually.AssertAsync(async () => Assert.Equal(2, (await agent.GetViolationsAsync(10)).Count));
        var records = await agent.GetViolationsAsync(10);
        var write = Assert.Single(records, r => r.EventId == denied.Id);
        Assert.Equal(("db_write", ToolAction.Write, "db:production.users", "m1"), (write.Tool, write.Action, write.Target, write.RunId));
        Assert.Contains(write.Reasons, r => r.Contains("outside writeTargets", StringComparison.Ordinal));
        Assert.Contains(write.Reasons, r => r.Contains("sandbox", StringComparison.Ordinal));
        Assert.Contains(records, r => r.EventId == offList.Id && r.Reason.Contains("not in allowedTools", StringComparison.Ordinal));

        Assert.Equal(2, (await agent.GetSnapshotAsync(Hour))!.Metrics.Violations);
        await Eventually.AssertAsync(async () =>
        {
            Assert.Equal(2, (await fixture.Client.GetGrain<IRouteGrain>(GrainKeys.For(_project, "checkout")).GetSnapshotAsync(Hour))?.Metrics.Violations);
            Assert.Equal(2, (await fixture.Client.GetGrain<IUserGrain>(GrainKeys.For(_project, "u1")).GetSnapshotAsync(Hour))?.Metrics.Violations);
        });
    }

    [Fact]
    public async Task Trajectory_shards_answer_a_run_with_ordered_steps_and_totals()
    {
        var events = OneRun("agent-t", "run-t", 0.5);
        events.Reverse(); // arrival order must not matter
        await PublishAsync(events);

        var shard = fixture.Client.GetGrain<ITrajectoryShardGrain>(GrainKeys.ForShard(_project, "runs", KeyHash.Bucket("run-t", _options.TrajectoryShards)));
        await Eventually.AssertAsync(async () => Assert.Equal(4, (await shard.GetRunAsync("run-t"))?.Steps?.Count));
        var run = (await shard.GetRunAsync("run-t"))!;
        Assert.Equal(RunStatus.Success, run.Summary.Status);
        Assert.Equal(0.5, run.Summary.CostUsd, 9);
        Assert.Equal("agent-t", run.Summary.AgentId);
        Assert.Null(await shard.GetRunAsync("no-such-run"));
    }

    [Fact]
    public async Task The_directory_lists_entities_in_order_across_pages()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"agent-{i:00}").ToList();
        foreach (var id in ids)
        {
            await fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, id)).ApplyAsync(new EntityDelivery(0, 1, OneRun(id, "r-" + id, 0.01)));
        }

        var shards = Enumerable.Range(0, _options.DirectoryShards)
            .Select(s => fixture.Client.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard(_project, "agent", s))).ToList();
        var listed = new List<string>();
        string? after = null;
        while (true)
        {
            var pages = await Task.WhenAll(shards.Select(s => s.ListAsync(after, 10)));
            var page = pages.SelectMany(p => p.Ids).Order(StringComparer.Ordinal).Take(10).ToList();
            if (page.Count == 0)
            {
                break;
            }

            listed.AddRange(page);
            after = page[^1];
        }

        Assert.Equal(ids, listed);
    }

    [Fact]
    public async Task Agent_state_survives_deactivation()
    {
        var grain = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "sleepy"));
        await grain.ApplyAsync(new EntityDelivery(0, 1, OneRun("sleepy", "run-s", 0.3)));
        await grain.SetPolicyAsync(new AutonomyPolicy { Paused = true });

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var snapshot = await grain.GetSnapshotAsync(Hour);
        Assert.Equal(0.3, snapshot!.Metrics.CostPerRun, 9);
        Assert.True((await grain.GetPolicyAsync())!.Paused);
        Assert.Single(await grain.GetRecentRunsAsync(10));
    }
}
