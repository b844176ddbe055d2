using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Dashboard.Services;
using AgentOps.Runs;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class RunReplayTests
{
    [Fact]
    public async Task The_replay_highlights_the_violating_step_with_its_reasons_and_links_the_agent_route_and_user()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Runs.Runs["mig-42"] = Data.MigratorRun("mig-42");

        var replay = ctx.Render<RunReplay>(p => p.Add(r => r.RunId, "mig-42"));

        replay.WaitForAssertion(() => Assert.Equal(6, replay.FindAll("[data-step]").Count));
        var violating = Assert.Single(replay.FindAll("[data-violation=true]"));
        Assert.Equal("4", violating.GetAttribute("data-step"));
        Assert.Contains("step-violation", violating.ClassList);
        Assert.Contains("db:production.orders", violating.TextContent, StringComparison.Ordinal);
        Assert.Contains("outside writeTargets", violating.TextContent, StringComparison.Ordinal);
        Assert.Contains("denied", violating.QuerySelector("[data-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("policy violation", violating.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.All(replay.FindAll("[data-violation=false]"), step => Assert.DoesNotContain("step-violation", step.ClassList));

        var model = replay.Find("[data-step='2']");
        Assert.Contains("claude-sonnet-4", model.TextContent, StringComparison.Ordinal);
        Assert.Contains("9k in", model.TextContent, StringComparison.Ordinal);
        Assert.Contains("$0.04", model.TextContent, StringComparison.Ordinal);
        Assert.Contains("3.4 s", model.TextContent, StringComparison.Ordinal);
        Assert.Contains("attempt 2", replay.Find("[data-step='5']").TextContent, StringComparison.Ordinal);

        Assert.Equal("/agents/data-migrator", replay.Find("[data-testid=run-agent]").GetAttribute("href"));
        Assert.Equal("/routes/nightly-migrations", replay.Find("[data-testid=run-route]").GetAttribute("href"));
        Assert.Equal("/users/svc-migrations", replay.Find("[data-testid=run-user]").GetAttribute("href"));
        Assert.Equal("1", replay.Find("[data-testid=run-violations]").TextContent.Trim());
        Assert.Contains("$0.04", replay.Find("[data-testid=run-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_run_follows_its_agents_change_notices()
    {
        await using var ctx = new DashboardTestContext();
        var run = Data.MigratorRun("mig-43");
        ctx.Runs.Runs["mig-43"] = run with { Steps = run.Steps!.Take(2).ToList(), Summary = run.Summary with { Status = Runs.RunStatus.Running, FinishedAt = null } };
        var replay = ctx.Render<RunReplay>(p => p.Add(r => r.RunId, "mig-43"));
        replay.WaitForAssertion(() => Assert.Equal(2, replay.FindAll("[data-step]").Count));

        ctx.Runs.Runs["mig-43"] = run;
        ctx.Entities.Subscriptions.Single().Push(true);

        replay.WaitForAssertion(() => Assert.Equal(6, replay.FindAll("[data-step]").Count));
        Assert.Single(replay.FindAll("[data-violation=true]"));
    }

    [Fact]
    public async Task An_unknown_run_and_a_run_without_kept_steps_say_so()
    {
        await using var ctx = new DashboardTestContext();
        var replay = ctx.Render<RunReplay>(p => p.Add(r => r.RunId, "nope"));
        replay.WaitForAssertion(() => Assert.Contains("No run 'nope'", replay.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));

        ctx.Runs.Runs["sampled"] = Data.MigratorRun("sampled") with { Steps = null, StepsDropped = "sampled" };
        var sampled = ctx.Render<RunReplay>(p => p.Add(r => r.RunId, "sampled"));
        sampled.WaitForAssertion(() => Assert.Contains("were not kept (sampled)", sampled.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(ctx.Entities.Subscriptions, s => s.Disposed);
    }

    [Fact]
    public async Task A_replay_closed_while_its_run_is_loading_leaves_no_live_subscription_behind()
    {
        await using var ctx = new DashboardTestContext();
        var runs = new GatedRuns();
        ctx.Services.AddSingleton<IRunService>(runs);
        ctx.Render<RunReplay>(p => p.Add(r => r.RunId, "mig-42"));

        await ctx.DisposeComponentsAsync(); // the person navigates away (or the circuit closes) while the read is in flight
        runs.Gate.SetResult(Data.MigratorRun("mig-42"));

        // A subscription the load makes afterwards must end at once, not renew against the grain for a page that is gone.
        await Eventually.AssertAsync(() =>
        {
            Assert.NotEmpty(ctx.Entities.Subscriptions);
            Assert.All(ctx.Entities.Subscriptions, s => Assert.True(s.Disposed));
        });
    }

    private sealed class GatedRuns : IRunService
    {
        public TaskCompletionSource<RunTrajectory?> Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<RunTrajectory?> GetRunAsync(string project, string runId) => Gate.Task;
    }
}
