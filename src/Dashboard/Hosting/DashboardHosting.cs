using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Services;
using MudBlazor.Services;

namespace AgentOps.Dashboard.Hosting;

/// <summary>The dashboard's UI, its grain-backed services and its health endpoint.</summary>
public static class DashboardHosting
{
    public static WebApplicationBuilder AddAgentOpsDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(o => o.EffectiveProjects.All(p => Entities.EntityIds.IsValid(p)), "AgentOps:Dashboard:Projects must be valid project ids.")
            .ValidateOnStart();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHealthChecks();
        builder.Services.AddAgentOpsDashboardServices();
        return builder;
    }

    /// <summary>The services pages use; tests replace them with fakes.</summary>
    public static IServiceCollection AddAgentOpsDashboardServices(this IServiceCollection services)
    {
        services.AddSingleton<GrainCalls>();
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<IFleetService, FleetService>();
        services.AddSingleton<IEntityService, EntityService>();
        services.AddSingleton<IPolicyService, PolicyService>();
        services.AddSingleton<IRunService, RunService>();
        services.AddSingleton<IAlertService, AlertService>();
        services.AddSingleton<IRuleService, RuleService>();
        services.AddScoped<ICurrentProject, ConfiguredProjects>();
        services.AddScoped<ThemePreference>();
        services.AddScoped<OperatorName>();
        return services;
    }

    public static WebApplication MapAgentOpsDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
