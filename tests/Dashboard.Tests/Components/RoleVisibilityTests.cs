using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Components.Layout;
using AgentOps.Dashboard.Components.Pages;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Dashboard.Tests.Components;

/// <summary>Each role sees the buttons it may use and no other (the services refuse the rest too: AuthorizedServicesTests).</summary>
public sealed class RoleVisibilityTests
{
    private static DashboardTestContext As(string name, ProjectRole role)
    {
        var ctx = new DashboardTestContext();
        ctx.User.Set(name, ("default", role));
        ctx.Alerts.Alerts.Add(Data.Alert("al_cost", "cost-per-successful-run-2x-median", "pr-reviewer"));
        ctx.Alerts.Silences.Add(new Silence { Id = "si_1", RuleId = "eval-score-drop", StartsAt = Data.Now, EndsAt = Data.Now.AddHours(1), Comment = "routing change", CreatedBy = "ana" });
        return ctx;
    }

    [Fact]
    public async Task A_viewer_sees_alerts_and_silences_without_any_action()
    {
        await using var ctx = As("victor", ProjectRole.Viewer);

        var page = ctx.Render<AlertsPage>();

        page.WaitForAssertion(() => page.Find("[data-alert=al_cost]"));
        Assert.Empty(page.FindAll("[data-action=ack]"));
        Assert.Empty(page.FindAll("[data-action=silence]"));
        Assert.DoesNotContain("Actions", page.Find("[data-testid=alert-list] thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("routing change", page.Find("[data-testid=silences]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-action=end-silence]"));
    }

    [Fact]
    public async Task An_operator_acks_and_silences_but_edits_neither_rules_nor_policies()
    {
        await using var ctx = As("olivia", ProjectRole.Operator);
        ctx.Entities.Snapshots[TimeSpan.FromHours(1)] = Data.Snapshot("pr-reviewer", TimeSpan.FromHours(1), Data.Metrics(2.5, 10, 0.25));

        var alerts = ctx.Render<AlertsPage>();
        alerts.WaitForAssertion(() => alerts.Find("[data-alert=al_cost] [data-action=ack]"));
        Assert.NotNull(alerts.Find("[data-alert=al_cost] [data-action=silence]"));
        Assert.NotNull(alerts.Find("[data-silence=si_1] [data-action=end-silence]"));

        var rules = ctx.Render<RulesPage>(p => p.Add(r => r.RuleId, "new"));
        rules.WaitForAssertion(() => rules.Find("[data-testid=rules]"));
        Assert.Empty(rules.FindAll("[data-testid=rule-new]"));
        Assert.Empty(rules.FindAll("[data-action=delete]"));
        Assert.Empty(rules.FindAll("[data-testid=rule-form]"));
        Assert.NotNull(rules.Find("[data-testid=rules-read-only]"));

        var agent = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));
        agent.WaitForAssertion(() => agent.Find("[data-testid=policy]"));
        Assert.Empty(agent.FindAll("[data-testid=policy-edit]"));

        var menu = ctx.Render<NavMenu>();
        Assert.Empty(menu.FindAll("[data-testid=nav-audit]"));
    }

    [Fact]
    public async Task An_admin_sees_every_action_and_the_audit_log()
    {
        await using var ctx = As("ana", ProjectRole.Admin);
        ctx.Entities.Snapshots[TimeSpan.FromHours(1)] = Data.Snapshot("pr-reviewer", TimeSpan.FromHours(1), Data.Metrics(2.5, 10, 0.25));

        var rules = ctx.Render<RulesPage>(p => p.Add(r => r.RuleId, "new"));
        rules.WaitForAssertion(() => rules.Find("[data-testid=rule-form]"));
        Assert.NotNull(rules.Find("[data-testid=rule-new]"));
        Assert.NotEmpty(rules.FindAll("[data-action=delete]"));

        var agent = ctx.Render<EntityView>(p => p.Add(v => v.Kind, EntityKind.Agent).Add(v => v.Id, "pr-reviewer"));
        agent.WaitForAssertion(() => agent.Find("[data-testid=policy-edit]"));

        var menu = ctx.Render<NavMenu>();
        Assert.Equal("/audit", menu.Find("[data-testid=nav-audit]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_audit_page_lists_entries_newest_first_filters_and_pages_back_from_the_last_entry()
    {
        await using var ctx = As("ana", ProjectRole.Admin);
        for (var i = 0; i < AuditPage.PageSize + 5; i++)
        {
            var action = i % 2 == 0 ? AuditActions.AlertAck : AuditActions.RulePut;
            await ctx.Audit.RecordAsync("default", new AuditEntry { At = Data.Now.AddMinutes(-i), Actor = i % 3 == 0 ? "user:olivia" : "user:ana", Action = action, Target = $"alert/al_{i}" });
        }

        var page = ctx.Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal(AuditPage.PageSize, page.FindAll("[data-audit-action]").Count));
        Assert.Equal("alert/al_0", page.FindAll("[data-audit-action]")[0].GetAttribute("data-audit-target"));
        page.Find("[data-testid=audit-older]").Click();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("[data-audit-action]").Count));
        Assert.Equal(FakeAuditLog.PositionOf(AuditPage.PageSize - 1), ctx.Audit.Queries[^1].After); // on from the last entry shown
        Assert.Equal("alert/al_50", page.FindAll("[data-audit-action]")[0].GetAttribute("data-audit-target"));

        page.Find("input[data-testid=audit-actor]").Input("user:olivia");
        ctx.Clock.Advance(TimeSpan.FromSeconds(1)); // past the field's debounce
        page.WaitForAssertion(() => Assert.Equal("user:olivia", ctx.Audit.Queries[^1].Actor));
        Assert.Null(ctx.Audit.Queries[^1].After);
        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-audit-actor]"), r => Assert.Equal("user:olivia", r.GetAttribute("data-audit-actor"))));
        Assert.Equal(19, page.FindAll("[data-audit-actor]").Count);
    }

    [Fact]
    public async Task The_audit_page_is_for_admins_only()
    {
        await using var ctx = As("olivia", ProjectRole.Operator);

        var page = ctx.Render<AuditPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=audit-forbidden]"));
        Assert.Empty(ctx.Audit.Queries);
    }

    [Fact]
    public async Task The_picker_lists_only_the_persons_projects_and_another_projects_address_is_not_found()
    {
        await using var ctx = As("victor", ProjectRole.Viewer); // configured: default and staging; granted: default
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();

        var layout = ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='body'>the page</p>"))));

        Assert.Equal("default", layout.Find("[data-testid=project-current]").TextContent.Trim());
        Assert.Empty(layout.FindAll("[data-testid=project-switcher]"));
        Assert.DoesNotContain("staging", layout.Markup, StringComparison.Ordinal);
        Assert.Equal("victor", layout.Find("[data-testid=user-name]").TextContent.Trim());
        Assert.Equal("viewer", layout.Find("[data-testid=user-role]").TextContent.Trim());
        Assert.NotNull(layout.Find("#body"));

        navigation.NavigateTo("/agents/agent-00001?project=staging");
        layout.Render();
        Assert.Empty(layout.FindAll("#body"));
        Assert.Equal("Not found", layout.Find("h1").TextContent.Trim());

        navigation.NavigateTo("/agents/agent-00001?project=default");
        layout.Render();
        Assert.NotNull(layout.Find("#body"));
    }

    [Fact]
    public async Task A_person_without_any_project_is_told_so_and_sees_nothing()
    {
        await using var ctx = new DashboardTestContext();
        ctx.User.Set("eve");

        var layout = ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='body'>the page</p>"))));

        Assert.Contains("no role in any project", layout.Find("[data-testid=no-access]").TextContent, StringComparison.Ordinal);
        Assert.Empty(layout.FindAll("#body"));
    }

    [Fact]
    public async Task A_session_ended_while_the_page_is_open_goes_back_to_the_sign_in_page()
    {
        await using var ctx = As("ana", ProjectRole.Admin);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='body'>the page</p>"))));

        ctx.User.SignOut();

        await Eventually.AssertAsync(() => Assert.EndsWith("/account/sign-in", navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_out_form_posts_the_antiforgery_token_of_the_page()
    {
        await using var ctx = As("ana", ProjectRole.Admin);
        ctx.Services.GetRequiredService<FormToken>().Initialize("__RequestVerificationToken", "token-123");

        var menu = ctx.Render<UserMenu>();

        var form = menu.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/sign-out", form.GetAttribute("action"));
        Assert.Equal("token-123", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
    }
}
