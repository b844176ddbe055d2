using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Components.Layout;
using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Services;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class ServicesTests
{
    [Fact]
    public async Task The_banner_says_the_silo_is_unreachable_and_goes_away_when_it_is_back()
    {
        await using var ctx = new DashboardTestContext();
        var banner = ctx.Render<ConnectionBanner>();
        Assert.Empty(banner.FindAll("[data-testid=connection-banner]"));

        ctx.Connection.Set(new ConnectionStatus(ConnectionState.Unreachable, Data.Now.AddSeconds(-30), 3, "SiloUnavailableException: gone"));

        banner.WaitForAssertion(() => Assert.Contains("Silo unreachable, retrying", banner.Find("[data-testid=connection-banner]").TextContent, StringComparison.Ordinal));
        Assert.Equal("alert", banner.Find("[data-testid=connection-banner]").GetAttribute("role"));
        Assert.Contains("30s ago", banner.Markup, StringComparison.Ordinal);

        ctx.Connection.Set(new ConnectionStatus(ConnectionState.Connected, Data.Now, 0, null));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=connection-banner]")));
    }

    [Fact]
    public async Task The_connection_monitor_follows_attempts_losses_and_recoveries()
    {
        var clock = new FakeTimeProvider(Data.Now);
        var monitor = new ClusterConnectionMonitor(clock);
        var changes = new List<ConnectionState>();
        monitor.Changed += _ => { lock (changes) { changes.Add(monitor.Status.State); } };

        Assert.Equal(ConnectionState.Connecting, monitor.Status.State);
        Assert.Equal(1, monitor.ReportAttemptFailed(new SiloUnavailableException()));
        Assert.Equal(2, monitor.ReportAttemptFailed(new SiloUnavailableException()));
        monitor.ReportConnected();
        Assert.True(monitor.Status.IsConnected);
        clock.Advance(TimeSpan.FromSeconds(5));
        ((IClusterConnectionStatusObserver)monitor).NotifyClusterConnectionLost();
        Assert.Equal(ConnectionState.Unreachable, monitor.Status.State);
        Assert.Equal(Data.Now.AddSeconds(5), monitor.Status.Since);
        ((IClusterConnectionStatusObserver)monitor).NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        Assert.True(monitor.Status.IsConnected);
        await Eventually.AssertAsync(() => { lock (changes) { Assert.Equal(4, changes.Count); } });

        Assert.True(ClusterConnectionMonitor.IsConnectivityFailure(new SiloUnavailableException()));
        Assert.True(ClusterConnectionMonitor.IsConnectivityFailure(new TimeoutException()));
        Assert.False(ClusterConnectionMonitor.IsConnectivityFailure(new ArgumentException("bad id")));
    }

    [Fact]
    public async Task A_failed_grain_call_for_want_of_the_cluster_becomes_a_cluster_unavailable_error_and_shows_the_banner()
    {
        var monitor = new ClusterConnectionMonitor(new FakeTimeProvider(Data.Now));
        monitor.ReportConnected();
        var calls = new GrainCalls(monitor);

        await Assert.ThrowsAsync<ClusterUnavailableException>(() => calls.RunAsync<int>(() => throw new SiloUnavailableException()));
        Assert.Equal(ConnectionState.Unreachable, monitor.Status.State);
        Assert.Equal(7, await calls.RunAsync(() => Task.FromResult(7)));
        Assert.True(monitor.Status.IsConnected);
        await Assert.ThrowsAsync<ArgumentException>(() => calls.RunAsync<int>(() => throw new ArgumentException("not a connectivity failure")));
        Assert.True(monitor.Status.IsConnected);
    }

    [Fact]
    public async Task The_current_project_comes_from_configuration_and_follows_the_address()
    {
        await using var ctx = new DashboardTestContext();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var project = ctx.Services.GetRequiredService<ICurrentProject>();
        var changed = 0;
        project.Changed += () => changed++;

        Assert.Equal("default", project.Project);
        Assert.Equal(["default", "staging"], project.Projects);
        Assert.Equal("/agents/a", project.Link(Links.Agent("a")));

        navigation.NavigateTo("/alerts?project=staging");
        Assert.Equal("staging", project.Project);
        Assert.Equal(1, changed);
        Assert.Equal("/runs/r%3A1?project=staging", project.Link(Links.Run("r:1")));
        Assert.Equal("/agents/a?window=24h&project=staging", project.Link(Links.Entity(EntityKind.Agent, "a", "24h")));

        navigation.NavigateTo("/alerts?project=someone-elses");
        Assert.Equal("staging", project.Project);
        Assert.False(project.Select("someone-elses"));

        var nobody = new UserProjects(new TestUser { User = DashboardUser.Anonymous }, Options.Create(new DashboardOptions()));
        Assert.Empty(nobody.Projects);
    }

    [Fact]
    public void The_fleet_view_pins_by_severity_then_sorts_and_filters_once_per_change()
    {
        var view = new FleetView();
        view.SetRows(Data.Fleet());
        var byRuns = new MudBlazor.SortDefinition<AgentOps.Fleet.EntitySummary>("Id", Descending: true, Index: 0, SortFunc: r => r.Id);

        var ordered = view.Apply([byRuns], search: null, firingOnly: false);
        Assert.Equal(["data-migrator", "pr-reviewer", "web-scraper", "invoice-extractor", "docs-qa"], ordered.Select(r => r.Id));
        Assert.Same(ordered, view.Apply([byRuns], null, false));
        Assert.Equal(["data-migrator"], view.Apply([], "MIGR", false).Select(r => r.Id));
        Assert.Equal(3, view.Apply([], null, firingOnly: true).Count);
        Assert.Equal("fleet-row sev-critical", FleetView.RowClass(Data.Fleet()[4]));
    }
}
