using AgentOps.Alerts;
using AgentOps.Dashboard.Components.Pages;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using AgentOps.Rules;
using Bunit;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class AlertsTests
{
    private static DashboardTestContext WithAlerts()
    {
        var ctx = new DashboardTestContext();
        ctx.Alerts.Alerts.Add(Data.Alert("al_cost", "cost-per-successful-run-2x-median", "pr-reviewer"));
        ctx.Alerts.Alerts.Add(Data.Alert("al_mig", "tool-outside-allowlist", "data-migrator", AlertSeverity.Critical, metric: "violations", value: 1, threshold: 0));
        ctx.Alerts.Alerts.Add(Data.Alert("al_retry", "retry-rate-above-20pct-10m", "web-scraper", state: AlertState.Pending, metric: "retryRate", value: 0.31, threshold: 0.2));
        ctx.Alerts.Alerts.Add(Data.Alert("al_old", "eval-score-drop", "support-bot", state: AlertState.Resolved, metric: "evalScore", value: 0.61, threshold: 0.72));
        return ctx;
    }

    [Fact]
    public async Task The_firing_tab_lists_firing_alerts_with_value_against_threshold_most_severe_first()
    {
        await using var ctx = WithAlerts();

        var page = ctx.Render<AlertsPage>();

        page.WaitForAssertion(() => Assert.Equal(["al_mig", "al_cost"], page.FindAll("[data-alert]").Select(r => r.GetAttribute("data-alert"))));
        var cost = page.Find("[data-alert=al_cost]");
        Assert.Equal("$0.25", cost.QuerySelector("[data-cell=value]")!.TextContent.Trim());
        Assert.Equal("$0.20", cost.QuerySelector("[data-cell=threshold]")!.TextContent.Trim());
        Assert.Contains("sev-critical", page.Find("[data-alert=al_mig]").ClassList);
        Assert.Contains("2 firing · 1 pending · 1 resolved", page.Find("[data-testid=alerts-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_as_the_signed_in_person_calls_the_alert_board()
    {
        await using var ctx = WithAlerts();
        ctx.User.Set("ana@ops", ("default", ProjectRole.Operator));
        var dialogs = ctx.RenderProviders();
        var page = ctx.Render<AlertsPage>();
        page.WaitForAssertion(() => page.Find("[data-alert=al_cost] [data-action=ack]"));

        page.Find("[data-alert=al_cost] [data-action=ack]").Click();
        dialogs.WaitForElement("[data-testid=ack-by]");
        Assert.Contains("cost-per-successful-run-2x-median", dialogs.Markup, StringComparison.Ordinal);
        Assert.Contains("Acknowledging as ana@ops", dialogs.Find("[data-testid=ack-by]").TextContent, StringComparison.Ordinal);
        dialogs.Find("textarea[data-testid=ack-comment]").Input("looking at the new prompt");
        dialogs.Find("[data-testid=ack-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(("al_cost", "ana@ops", "looking at the new prompt"), Assert.Single(ctx.Alerts.Acknowledged)));
        page.WaitForAssertion(() => Assert.Equal("ana@ops", page.Find("[data-alert=al_cost] [data-cell=ack]").TextContent.Trim()));
    }

    [Fact]
    public async Task Silencing_prefills_the_matchers_from_the_alert_and_adds_a_silence_for_the_chosen_duration()
    {
        await using var ctx = WithAlerts();
        var dialogs = ctx.RenderProviders();
        var page = ctx.Render<AlertsPage>();
        page.WaitForAssertion(() => page.Find("[data-alert=al_mig] [data-action=silence]"));

        page.Find("[data-alert=al_mig] [data-action=silence]").Click();
        dialogs.WaitForElement("input[data-testid=silence-rule]");
        Assert.Equal("tool-outside-allowlist", dialogs.Find("input[data-testid=silence-rule]").GetAttribute("value"));
        Assert.Equal("data-migrator", dialogs.Find("input[data-testid=silence-entity]").GetAttribute("value"));
        dialogs.Find("[data-testid=silence-submit]").Click(); // no comment: refused
        Assert.Empty(ctx.Alerts.Silences);
        dialogs.Find("textarea[data-testid=silence-comment]").Input("migration window");
        Assert.Equal("user:ana", dialogs.Find("input[data-testid=silence-by]").GetAttribute("value"));
        dialogs.Find("[data-testid=silence-submit]").Click();

        page.WaitForAssertion(() => Assert.Single(ctx.Alerts.Silences));
        var silence = ctx.Alerts.Silences[0];
        Assert.Equal("tool-outside-allowlist", silence.RuleId);
        Assert.Equal(EntityKind.Agent, silence.Scope);
        Assert.Equal("data-migrator", silence.EntityId);
        Assert.Equal(TimeSpan.FromHours(1), silence.EndsAt - silence.StartsAt);
        Assert.Equal(Data.Now, silence.StartsAt);
        Assert.Equal("migration window", silence.Comment);
        Assert.Equal("user:ana", silence.CreatedBy);
        page.WaitForAssertion(() => Assert.Contains("migration window", page.Find("[data-testid=silences]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pushed_alert_change_appears_without_a_reload()
    {
        await using var ctx = WithAlerts();
        var page = ctx.Render<AlertsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-alert]").Count));

        ctx.Alerts.Subscriptions.Single().Push(Data.Alert("al_retry", "retry-rate-above-20pct-10m", "web-scraper", metric: "retryRate", value: 0.33, threshold: 0.2) with { Revision = 2 });

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-alert]").Count));
        Assert.Equal("33%", page.Find("[data-alert=al_retry] [data-cell=value]").TextContent.Trim());
    }

    [Fact]
    public async Task The_alert_page_shows_one_alert_and_its_actions()
    {
        await using var ctx = WithAlerts();
        var page = ctx.Render<AlertPage>(p => p.Add(a => a.AlertId, "al_mig"));

        page.WaitForAssertion(() => Assert.Equal("firing", page.Find("[data-testid=alert-state]").TextContent.Trim()));
        Assert.Equal("/agents/data-migrator", page.Find("[data-testid=alert-entity]").GetAttribute("href"));
        Assert.NotNull(page.Find("[data-action=ack]"));
        Assert.NotNull(page.Find("[data-action=silence]"));
    }
}
