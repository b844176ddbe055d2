using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Services;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace AgentOps.Dashboard.Tests.Fakes;

/// <summary>
/// A bUnit context with MudBlazor and fake grain services: what a page sees in a circuit, without a cluster. The
/// signed-in person is <see cref="User"/> (admin of <c>default</c> and <c>staging</c> unless the test says otherwise).
/// Create one per test with <c>await using</c>.
/// </summary>
public sealed class DashboardTestContext : BunitContext
{
    public DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddOptions<DashboardOptions>().Configure(o => o.Projects = ["default", "staging"]);
        Services.AddSingleton<ICurrentUser>(User);
        Services.AddScoped<ProjectAccess>();
        Services.AddScoped<ICurrentProject, UserProjects>();
        Services.AddScoped<ThemePreference>();
        Services.AddScoped<FormToken>();
        Services.AddSingleton<IClusterConnection>(Connection);
        Services.AddSingleton<IFleetService>(Fleet);
        Services.AddSingleton<IEntityService>(Entities);
        Services.AddSingleton<IPolicyService>(Policies);
        Services.AddSingleton<IRunService>(Runs);
        Services.AddSingleton<IAlertService>(Alerts);
        Services.AddSingleton<IRuleService>(Rules);
        Services.AddSingleton<IAuditService>(Audit);
    }

    /// <summary>Now is <see cref="Data.Now"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(Data.Now);

    public TestUser User { get; } = new();

    public FakeConnection Connection { get; } = new();

    public FakeFleetService Fleet { get; } = new();

    public FakeEntityService Entities { get; } = new();

    public FakePolicyService Policies { get; } = new();

    public FakeRunService Runs { get; } = new();

    public FakeAlertService Alerts { get; } = new();

    public FakeRuleService Rules { get; } = new();

    public FakeAuditLog Audit { get; } = new();

    /// <summary>Renders the providers a page needs for popovers (selects, menus) and dialogs, as the layout does.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }
}
