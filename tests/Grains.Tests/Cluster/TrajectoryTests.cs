using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Ingest;
using AgentOps.Runs;
using AgentOps.Settings;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>Tail-based sampling over many runs, per-agent rates, and retention, through the real stream and grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TrajectoryTests(ClusterFixture fixture)
{
    private readonly string _project = "traj" + Guid.NewGuid().ToString("N")[..8];

    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private static AgentEvent Event(EventType type, string agent, string run, int n) => new()
    {
        Id = $"{run}-{n}",
        Type = type,
        Timestamp = Now.AddSeconds(-30).AddMilliseconds(n),
        AgentId = agent,
        RunId = run,
    };

    /// <summary>A run of one of five kinds: ordinary, failed, violating, retrying (the first three kinds also kept for their reason).</summary>
    private static IEnumerable<AgentEvent> Run(string agent, string run, string kind)
    {
        yield return Event(EventType.RunStarted, agent, run, 0);
        yield return Event(EventType.LlmCall, agent, run, 1) with { Model = "gpt-4o", CostNanos = 1_000, Attempt = kind == "retrying" ? 2 : 1 };
        if (kind == "violating")
        {
            yield return Event(EventType.ToolCall, agent, run, 2) with { Tool = "rm", Status = CallStatus.Denied, Violations = ["denied by the agent's sandbox"] };
        }

        yield return Event(EventType.RunFinished, agent, run, 3) with { Outcome = kind == "failed" ? RunOutcome.Failure : RunOutcome.Success };
    }

    private async Task SettingsAsync(TrajectorySettings settings)
    {
        await fixture.Client.GetGrain<IProjectSettingsGrain>(_project).PutTrajectoriesAsync(settings);
        await Task.Delay(300); // every silo's settings cache refreshes within 100 ms here
    }

    [Fact]
    public async Task Sampling_keeps_every_important_run_and_about_the_rate_of_the_others_while_aggregates_count_all()
    {
        await SettingsAsync(new TrajectorySettings { SampleRate = 0.10 });
        string[] kinds = ["ordinary", "ordinary", "ordinary", "ordinary", "ordinary", "ordinary", "ordinary", "failed", "violating", "retrying"];
        var runs = Enumerable.Range(0, 10_000).Select(i => (Id: $"run-{i:D5}", Agent: $"agent-{i % 20}", Kind: kinds[i % kinds.Length])).ToList();
        await new ClusterPublisher(fixture.Client, _project).PublishAsync([.. runs.SelectMany(r => Run(r.Agent, r.Id, r.Kind))]);

        // Wait until every run is stored: the shards store decided runs every second (a sample of the runs was not
        // enough: a shard could still hold a run outside it).
        var query = fixture.Client.GetGrain<IProjectQueryGrain>(_project);
        await Eventually.AssertAsync(async () =>
        {
            foreach (var (id, _, _) in runs)
            {
                var run = await query.GetRunAsync(id);
                Assert.True(run is { Pending: false }, id);
            }
        }, TimeSpan.FromSeconds(60));

        var kept = new Dictionary<string, int>();
        var ordinaryKept = 0;
        foreach (var (id, _, kind) in runs)
        {
            var run = await query.GetRunAsync(id);
            Assert.NotNull(run);
            Assert.Equal(kind == "failed" ? RunStatus.Failure : RunStatus.Success, run.Summary.Status);
            Assert.False(run.Pending);
            if (run.Steps is not null)
            {
                Assert.Equal(kind switch { "failed" => "failed", "violating" => "violation", "retrying" => "retries", _ => "sampled" }, run.SamplingReason);
                kept[kind] = kept.GetValueOrDefault(kind) + 1;
                ordinaryKept += kind == "ordinary" ? 1 : 0;
            }
            else
            {
                Assert.Equal(StepsDropped.Sampled, run.StepsDropped);
                Assert.Equal(1_000 / 1e9, run.Summary.CostUsd, 12); // a dropped run keeps its totals
            }
        }

        Assert.Equal(1_000, kept["failed"]);
        Assert.Equal(1_000, kept["violating"]);
        Assert.Equal(1_000, kept["retrying"]);
        // 7,000 ordinary runs at 10%: mean 700, standard deviation 25; allow four either side.
        Assert.InRange(ordinaryKept, 700 - 100, 700 + 100);

        var started = 0L;
        for (var agent = 0; agent < 20; agent++)
        {
            started += (await fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, $"agent-{agent}")).GetSnapshotAsync(TimeSpan.FromHours(1)))!.Metrics.RunsFinished;
        }

        Assert.Equal(10_000, started);
    }

    [Fact]
    public async Task An_agent_rate_overrides_the_project_rate()
    {
        await SettingsAsync(new TrajectorySettings { SampleRate = 0, AgentSampleRates = new Dictionary<string, double> { ["kept-agent"] = 1 } });
        var events = Enumerable.Range(0, 20).SelectMany(i => Run(i % 2 == 0 ? "kept-agent" : "other-agent", $"o-{i}", "ordinary")).ToList();
        await new ClusterPublisher(fixture.Client, _project).PublishAsync(events);

        var query = fixture.Client.GetGrain<IProjectQueryGrain>(_project);
        await Eventually.AssertAsync(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var run = await query.GetRunAsync($"o-{i}");
                Assert.True(i % 2 == 0 ? run is { Pending: false, Steps: not null } : run?.StepsDropped == StepsDropped.Sampled, $"o-{i}");
            }
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Expired_trajectories_answer_expired_and_their_steps_are_gone()
    {
        await SettingsAsync(new TrajectorySettings { SampleRate = 1, RetentionDays = 14 });
        await new ClusterPublisher(fixture.Client, _project).PublishAsync([.. Run("retained", "keep-me", "failed")]);
        var query = fixture.Client.GetGrain<IProjectQueryGrain>(_project);
        await Eventually.AssertAsync(async () => Assert.True(await IsSavedAsync("keep-me")));
        Assert.Equal(3, (await query.GetRunAsync("keep-me"))!.Steps!.Count);

        var shard = fixture.Client.GetGrain<ITrajectoryShardGrain>(GrainKeys.ForShard(_project, "runs", Ingest.KeyHash.Bucket("keep-me", new Ingest.IngestOptions().TrajectoryShards)));
        Assert.Equal(0, await shard.ExpireAsync());
        ClusterFixture.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await shard.ExpireAsync());

        var expired = (await query.GetRunAsync("keep-me"))!;
        Assert.Null(expired.Steps);
        Assert.Equal(StepsDropped.Expired, expired.StepsDropped);
        Assert.Equal(RunStatus.Failure, expired.Summary.Status);
    }

    private async Task<bool> IsSavedAsync(string runId) => (await fixture.Client.GetGrain<IProjectQueryGrain>(_project).GetRunAsync(runId)) is { Pending: false };

    [Fact]
    public async Task A_retry_that_arrives_after_the_run_was_stored_reopens_it_and_keeps_it()
    {
        await SettingsAsync(new TrajectorySettings { SampleRate = 0 });
        var publisher = new ClusterPublisher(fixture.Client, _project);
        await publisher.PublishAsync([
            Event(EventType.RunStarted, "late-agent", "r1", 0),
            Event(EventType.LlmCall, "late-agent", "r1", 1) with { Model = "gpt-4o", CostNanos = 1_000 },
            Event(EventType.RunFinished, "late-agent", "r1", 9) with { Outcome = RunOutcome.Success },
        ]);
        var query = fixture.Client.GetGrain<IProjectQueryGrain>(_project);
        await Eventually.AssertAsync(async () => Assert.True(await query.GetRunAsync("r1") is { Pending: false, Steps: null }));

        // The same run's retried, failed call comes in its own batch, after run_finished (out of order).
        await publisher.PublishAsync([
            Event(EventType.LlmCall, "late-agent", "r1", 5) with { Model = "gpt-4o", CostNanos = 5_000_000, Attempt = 2, Status = CallStatus.Error },
        ]);
        var agent = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "late-agent"));
        await Eventually.AssertAsync(async () => Assert.True(await query.GetRunAsync("r1") is { Pending: false, Steps: not null }));

        var run = (await query.GetRunAsync("r1"))!;
        Assert.Equal(RunStatus.Success, run.Summary.Status); // decided again and stored again, as it finished
        var listed = (await agent.GetRecentRunsAsync(10)).Single(r => r.RunId == "r1");
        Assert.Equal(listed.CostUsd, run.Summary.CostUsd, 12); // what the agent counts for the run (it used to stay at the stored 0.000001)
        Assert.Equal(2, run.Summary.LlmCalls);
        Assert.Equal("retries", run.SamplingReason); // a retried run is kept (it used to stay dropped by the first decision)
        Assert.Equal(2, Assert.Single(run.Steps!).Attempt); // what the first decision dropped is gone; the late step is kept
    }

    [Fact]
    public async Task A_late_retry_that_reaches_the_shard_before_its_drop_decision_is_stored_keeps_the_run()
    {
        var shard = Shard("r1");
        await shard.AppendAsync(new EntityDelivery(0, 1, [
            Event(EventType.RunStarted, "a", "r1", 0),
            Event(EventType.LlmCall, "a", "r1", 1) with { Model = "m", CostNanos = 1_000 },
            Event(EventType.RunFinished, "a", "r1", 9) with { Outcome = RunOutcome.Success },
        ]));
        await shard.DecideAsync([new SamplingDecision("r1", false, "sampled")]); // the agent's decision at the finish
        // The late retry reaches the shard before its next save; the agent's second decision would come after that save.
        await shard.AppendAsync(new EntityDelivery(0, 2, [Event(EventType.LlmCall, "a", "r1", 5) with { Model = "m", Attempt = 2, Status = CallStatus.Error }]));

        var run = await StoredAsync(shard, "r1");
        Assert.Equal(1, run.Summary.Retries);
        Assert.Equal("retries", run.SamplingReason);
        Assert.Equal(4, run.Steps!.Count); // all of them, the late retry too
    }

    [Fact]
    public async Task A_decision_left_over_from_an_earlier_reopening_cannot_drop_a_run_that_broke_its_policy()
    {
        var shard = Shard("r2");
        await shard.AppendAsync(new EntityDelivery(0, 1, [Event(EventType.RunStarted, "a", "r2", 0), Event(EventType.RunFinished, "a", "r2", 9) with { Outcome = RunOutcome.Success }]));
        await shard.DecideAsync([new SamplingDecision("r2", true, "sampled")]);
        await StoredAsync(shard, "r2");
        await shard.DecideAsync([new SamplingDecision("r2", false, "sampled")]); // a decision that comes after the run was stored: left over

        // A violation reaches the stored run: it reopens, takes the left-over decision, and is stored before the agent's next.
        await shard.AppendAsync(new EntityDelivery(0, 2, [Event(EventType.ToolCall, "a", "r2", 6) with { Tool = "rm", Status = CallStatus.Denied, Violations = ["x"] }]));
        await Eventually.AssertAsync(async () => Assert.Equal(1, (await shard.GetRunAsync("r2"))!.Summary.Violations));
        var run = await StoredAsync(shard, "r2");
        Assert.Equal("violation", run.SamplingReason);
        Assert.NotNull(run.Steps);
    }

    private ITrajectoryShardGrain Shard(string run) =>
        fixture.Client.GetGrain<ITrajectoryShardGrain>(GrainKeys.ForShard(_project, "runs", KeyHash.Bucket(run, new IngestOptions().TrajectoryShards)));

    private static async Task<RunTrajectory> StoredAsync(ITrajectoryShardGrain shard, string run)
    {
        RunTrajectory? stored = null;
        await Eventually.AssertAsync(async () => Assert.True((stored = await shard.GetRunAsync(run)) is { Pending: false }));
        return stored!;
    }
}
