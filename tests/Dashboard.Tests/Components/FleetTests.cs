using AgentOps.Dashboard.Components.Pages;
using AgentOps.Dashboard.Services;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using AgentOps.Rules;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class FleetTests
{
    private static List<string> ShownIds(IRenderedComponent<FleetPage> page) =>
        page.FindAll("tr.fleet-row [data-entity]").Select(a => a.GetAttribute("data-entity")!).ToList();

    [Fact]
    public async Task Firing_rows_are_pinned_on_top_by_severity_with_their_colour_and_the_rest_by_cost()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());

        var page = ctx.Render<FleetPage>();

        page.WaitForAssertion(() => Assert.Equal(["data-migrator", "pr-reviewer", "web-scraper", "invoice-extractor", "docs-qa"], ShownIds(page)));
        var rows = page.FindAll("tr.fleet-row");
        Assert.Contains("sev-critical", rows[0].ClassList);
        Assert.Contains("sev-warning", rows[1].ClassList);
        Assert.Contains("sev-info", rows[2].ClassList);
        Assert.DoesNotContain(rows[3].ClassList, c => c.StartsWith("sev-", StringComparison.Ordinal));
        Assert.Equal("critical", rows[0].QuerySelector("[data-severity]")!.GetAttribute("data-severity"));
        Assert.Contains("2 firing", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(1, ctx.Fleet.Reads); // one call for every row
    }

    [Fact]
    public async Task Money_percent_and_cost_against_baseline_are_formatted_for_people()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());

        var page = ctx.Render<FleetPage>();

        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));
        var reviewer = Row(page, "pr-reviewer");
        Assert.Contains("$2.50", reviewer.TextContent, StringComparison.Ordinal);
        Assert.Equal("$0.25 (2.5x of $0.10)", reviewer.QuerySelector("[data-cell=cost-per-success]")!.TextContent.Trim());
        Assert.Contains("over-baseline", reviewer.QuerySelector("[data-cell=cost-per-success]")!.ClassList);
        var extractor = Row(page, "invoice-extractor");
        Assert.Contains("$1.2k", extractor.TextContent, StringComparison.Ordinal);
        Assert.Equal("$0.0042", extractor.QuerySelector("[data-cell=cost-per-success]")!.TextContent.Trim());
        Assert.Equal("12.5%", extractor.QuerySelector("[data-cell=retry-rate]")!.TextContent.Trim());
        Assert.Equal("31%", Row(page, "web-scraper").QuerySelector("[data-cell=retry-rate]")!.TextContent.Trim());
        Assert.Contains("2 min ago", reviewer.TextContent, StringComparison.Ordinal);
        Assert.NotNull(reviewer.QuerySelector("svg.sparkline[role=img][aria-label]"));
        Assert.Equal("/agents/pr-reviewer", reviewer.QuerySelector("a[data-entity]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_filter_keeps_matching_ids_and_firing_only_keeps_firing_rows()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());
        var page = ctx.Render<FleetPage>();
        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));

        page.Find("input[data-testid=fleet-filter]").Input("ER");

        page.WaitForAssertion(() => Assert.Equal(["pr-reviewer", "web-scraper"], ShownIds(page)));
        Assert.Contains("2 shown", page.Find("[data-testid=fleet-summary]").TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=fleet-filter]").Input(string.Empty);
        page.Find("input[aria-label='Show only rows with firing alerts']").Change(true);
        page.WaitForAssertion(() => Assert.Equal(["data-migrator", "pr-reviewer", "web-scraper"], ShownIds(page)));
    }

    [Fact]
    public async Task A_pushed_row_updates_the_grid_without_a_reload_and_a_new_alert_pins_it()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());
        var page = ctx.Render<FleetPage>();
        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));

        ctx.Fleet.Subscriptions.Single().Push([Data.Row("docs-qa", costPerHour: 3.5, firing: 1, severity: AlertSeverity.Critical), Data.Row("new-agent", costPerHour: 0.01)]);

        page.WaitForAssertion(() => Assert.Equal(["docs-qa", "data-migrator", "pr-reviewer", "web-scraper", "invoice-extractor", "new-agent"], ShownIds(page)));
        Assert.Contains("sev-critical", Row(page, "docs-qa").ClassList);
        Assert.Equal(1, ctx.Fleet.Reads);
        Assert.Contains("6 agents", page.Find("[data-testid=fleet-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_pushed_for_the_previous_project_never_shows_in_the_next_ones_grid()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());
        var page = ctx.Render<FleetPage>();
        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));

        var previous = ctx.Fleet.Subscriptions.Single();
        previous.Push([Data.Row("default-only-agent")]); // buffered for the next render
        await page.InvokeAsync(() => ctx.Services.GetRequiredService<ICurrentProject>().Select("staging"));
        previous.Push([Data.Row("late-default-agent")]); // the old subscription's last word, after the switch

        await Task.Delay(600); // past the page's 250 ms gathering of pushes
        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));
        Assert.DoesNotContain("default-only-agent", ShownIds(page));
        Assert.DoesNotContain("late-default-agent", ShownIds(page));
    }

    [Fact]
    public async Task Rows_of_other_kinds_pushed_to_the_agents_tab_are_ignored_and_the_page_unsubscribes_when_disposed()
    {
        await using var ctx = new DashboardTestContext();
        ctx.Fleet.Rows[EntityKind.Agent].AddRange(Data.Fleet());
        var page = ctx.Render<FleetPage>();
        page.WaitForAssertion(() => Assert.Equal(5, ShownIds(page).Count));

        ctx.Fleet.Subscriptions.Single().Push([Data.Row("checkout", kind: EntityKind.Route)]);
        await Task.Delay(400);
        Assert.Equal(5, ShownIds(page).Count);

        await ctx.DisposeComponentsAsync();
        Assert.True(ctx.Fleet.Subscriptions.Single().Disposed);
    }

    [Fact]
    public async Task An_empty_fleet_says_so()
    {
        await using var ctx = new DashboardTestContext();

        var page = ctx.Render<FleetPage>();

        page.WaitForAssertion(() => Assert.Contains("No agents have sent events to project default", page.Find("[data-testid=fleet-empty]").TextContent, StringComparison.Ordinal));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<FleetPage> page, string id) =>
        page.FindAll("tr.fleet-row").Single(r => r.QuerySelector($"[data-entity='{id}']") is not null);
}
