using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Runs;
using AgentOps.Settings;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>Events that reach a run after its finish, once the run is decided and stored.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LateEventSamplingTests(ClusterFixture fixture)
{
    private readonly string _project = "late" + Guid.NewGuid().ToString("N")[..8];

    private static AgentEvent Ev(EventType type, string run, int n) => new()
    {
        Id = $"{run}-{n}",
        Type = type,
        Timestamp = ClusterFixture.Clock.GetUtcNow().AddSeconds(-30).AddMilliseconds(n),
        AgentId = "late-agent",
        RunId = run,
    };

    [Fact]
    public async Task A_retry_that_arrives_after_the_run_was_stored_reopens_it_and_keeps_it()
    {
        await fixture.Client.GetGrain<IProjectSettingsGrain>(_project).PutTrajectoriesAsync(new TrajectorySettings { SampleRate = 0 });
        await Task.Delay(300);
        var publisher = new ClusterPublisher(fixture.Client, _project);
        await publisher.PublishAsync([
            Ev(EventType.RunStarted, "r1", 0),
            Ev(EventType.LlmCall, "r1", 1) with { Model = "gpt-4o", CostNanos = 1_000 },
            Ev(EventType.RunFinished, "r1", 9) with { Outcome = RunOutcome.Success },
        ]);
        var query = fixture.Client.GetGrain<IProjectQueryGrain>(_project);
        await Eventually.AssertAsync(async () => Assert.True(await query.GetRunAsync("r1") is { Pending: false }));

        // The same run's retried, failed call comes in its own batch, after run_finished (out of order).
        await publisher.PublishAsync([
            Ev(EventType.LlmCall, "r1", 5) with { Model = "gpt-4o", CostNanos = 5_000_000, Attempt = 2, Status = CallStatus.Error },
        ]);
        var agent = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "late-agent"));
        await Eventually.AssertAsync(async () => Assert.Equal(1, (await agent.GetSnapshotAsync(TimeSpan.FromHours(1)))!.Metrics.RetryRate * 2, 6));
        await Task.Delay(2_000);

        var run = (await query.GetRunAsync("r1"))!;
        Assert.False(run.Pending); // decided again and stored again, as it finished
        Assert.Equal(RunStatus.Success, run.Summary.Status);
        var listed = (await agent.GetRecentRunsAsync(10)).Single(r => r.RunId == "r1");
        Assert.Equal(listed.CostUsd, run.Summary.CostUsd, 12); // what the agent counts for the run (it used to stay at the stored 0.000001)
        Assert.Equal(2, run.Summary.LlmCalls);
        Assert.NotNull(run.Steps); // decided again: a retried run is kept (it used to stay dropped by the first decision)
        Assert.Equal(2, Assert.Single(run.Steps).Attempt); // what the first decision dropped is gone; the late step is kept
    }
}
