using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using AgentOps.Runs;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class EntityTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private static DashboardTestContext Reviewer()
    {
        var ctx = new DashboardTestContext();
        var alert = Data.Alert("al_cost", "cost-per-successful-run-2x-median", "pr-reviewer");
        ctx.Entities.Snapshots[Hour] = Data.Snapshot("pr-reviewer", Hour, Data.Metrics(cost: 2.5, runs: 10, costPerSuccess: 0.25), alert);
        ctx.Entities.Snapshots[Day] = Data.Snapshot("pr-reviewer", Day, Data.Metrics(cost: 24.6, runs: 205, costPerSuccess: 0.12, retryRate: 0.034), alert);
        ctx.Entities.Series[Hour] = Data.Series(Hour, 61, 0.04);
        ctx.Entities.Series[Day] = Data.Series(Day, 25, 1.0);
        ctx.Entities.Violations.Add(Data.Violation("run-7"));
        ctx.Entities.Runs.Add(new RunSummary { RunId = "run-7", AgentId = "pr-reviewer", Status = RunStatus.Success, StartedAt = Data.Now.AddMinutes(-5), FinishedAt = Data.Now.AddMinutes(-5).AddSeconds(13), CostUsd = 0.25, ToolCalls = 11 });
        ctx.Policies.Policy = new Policy.AutonomyPolicy { AutonomyTier = "review-only", AllowedTools = ["read_*", "search", "post_comment"] };
        return ctx;
    }

    private static string Kpi(IRenderedComponent<EntityView> view, string name) =>
        view.Find($"[data-kpi={name}] .kpi-value").TextContent.Trim();

    [Fact]
    public async Task An_agent_shows_its_figures_charts_mixes_policy_violations_alerts_and_runs_for_the_window()
    {
        await using var ctx = Reviewer();

        var view = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));

        view.WaitForAssertion(() => Assert.Equal("$2.50", Kpi(view, "cost")));
        Assert.Equal([Hour], ctx.Entities.SnapshotWindows.Distinct());
        Assert.Equal("$0.25", Kpi(view, "cost-per-success"));
        Assert.Equal("2%", Kpi(view, "retry-rate"));
        Assert.Equal("0.86", Kpi(view, "eval-score"));
        Assert.Equal("11", Kpi(view, "tool-calls-per-run"));
        foreach (var chart in new[] { "cost", "runs", "retry-rate", "error-rate", "eval-score", "tool-calls-per-run" })
        {
            Assert.NotNull(view.Find($"[data-chart={chart}]").QuerySelector("svg"));
        }

        Assert.Contains("per 5 minutes", view.Find("[data-chart=cost]").TextContent, StringComparison.Ordinal);
        Assert.Contains("90", view.Find("[data-mix=tools] [data-mix-row=read_file]").TextContent, StringComparison.Ordinal);
        Assert.Contains("81.8%", view.Find("[data-mix=tools] [data-mix-row=read_file]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$2.50", view.Find("[data-mix=models] [data-mix-row=gpt-4o]").TextContent, StringComparison.Ordinal);
        var violation = view.Find("[data-violation='run-7-7']");
        Assert.Contains("db:production.orders", violation.TextContent, StringComparison.Ordinal);
        Assert.Contains("outside writeTargets", violation.TextContent, StringComparison.Ordinal);
        Assert.Equal("/runs/run-7", violation.QuerySelector("a[href^='/runs/']")!.GetAttribute("href"));
        Assert.Contains("review-only", view.Find("[data-testid=policy]").TextContent, StringComparison.Ordinal);
        Assert.Equal("firing", view.Find("[data-alert=al_cost]").GetAttribute("data-state"));
        Assert.NotNull(view.Find("[data-run=run-7] a[href='/runs/run-7']"));
    }

    [Fact]
    public async Task Switching_the_window_reads_the_other_window_and_changes_the_figures()
    {
        await using var ctx = Reviewer();
        var view = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));
        view.WaitForAssertion(() => Assert.Equal("$2.50", Kpi(view, "cost")));

        view.Find("[aria-label^='Window 24h']").Click();

        view.WaitForAssertion(() => Assert.Equal("$24.60", Kpi(view, "cost")));
        Assert.Equal("$0.12", Kpi(view, "cost-per-success"));
        Assert.Equal("3.4%", Kpi(view, "retry-rate"));
        Assert.Contains("per hour", view.Find("[data-chart=cost]").TextContent, StringComparison.Ordinal);
        Assert.Equal(Day, ctx.Entities.SnapshotWindows[^1]);
        Assert.EndsWith("/agents/pr-reviewer?window=24h", ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_notice_reads_the_entity_again_without_a_reload()
    {
        await using var ctx = Reviewer();
        var view = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));
        view.WaitForAssertion(() => Assert.Equal("$2.50", Kpi(view, "cost")));

        ctx.Entities.Snapshots[Hour] = Data.Snapshot("pr-reviewer", Hour, Data.Metrics(cost: 2.75, runs: 11, costPerSuccess: 0.25));
        ctx.Entities.Subscriptions.Single().Push(true);

        view.WaitForAssertion(() => Assert.Equal("$2.75", Kpi(view, "cost")));
        Assert.Empty(view.FindAll("[data-alert]"));
    }

    [Fact]
    public async Task An_entity_without_events_says_so_and_a_failed_read_shows_the_error()
    {
        await using var ctx = new DashboardTestContext();
        var view = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Route).Add(v => v.Id, "checkout"));
        view.WaitForAssertion(() => Assert.Contains("No events for route 'checkout'", view.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));

        ctx.Entities.Failure = new InvalidOperationException("boom");
        ctx.Entities.Subscriptions.Single().Push(true);
        view.WaitForAssertion(() => Assert.Contains("boom", view.Find("[data-testid=load-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_policy_form_shows_the_validators_errors_next_to_the_fields_and_saves_a_valid_policy()
    {
        await using var ctx = Reviewer();
        ctx.RenderProviders();
        var view = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));
        view.WaitForAssertion(() => view.Find("[data-testid=policy-edit]"));

        view.Find("[data-testid=policy-edit]").Click();
        view.Find("input[data-field=approvalRequiredFor]").Input("write, delete");
        view.Find("input[data-field=maxCostPerRunUsd]").Input("two dollars");

        view.WaitForAssertion(() => Assert.Contains("'delete' is not an action", Field(view, "approvalRequiredFor"), StringComparison.Ordinal));
        Assert.Contains("maxCostPerRunUsd must be a number", Field(view, "maxCostPerRunUsd"), StringComparison.Ordinal);
        view.Find("[data-testid=policy-save]").Click();
        Assert.Empty(ctx.Policies.Saved);

        view.Find("input[data-field=approvalRequiredFor]").Input("write");
        view.Find("input[data-field=maxCostPerRunUsd]").Input("2");
        view.Find("input[data-field=writeTargets]").Input("db:staging.*");
        view.Find("[data-testid=policy-save]").Click();

        view.WaitForAssertion(() => Assert.Single(ctx.Policies.Saved));
        Assert.Equal(["db:staging.*"], ctx.Policies.Saved[0].WriteTargets);
        Assert.Equal(2.0, ctx.Policies.Saved[0].MaxCostPerRunUsd);
        Assert.Equal(["write"], ctx.Policies.Saved[0].ApprovalRequiredFor);
    }

    /// <summary>The error text MudBlazor shows under an input.</summary>
    internal static string Field<T>(IRenderedComponent<T> view, string field)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var input = view.Find($"input[data-field='{field}']");
        var control = input.Closest(".mud-input-control")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent ?? string.Empty;
    }
}
