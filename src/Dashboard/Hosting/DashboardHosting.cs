using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Security;
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

    /// <summary>
    /// The services pages use: grain-backed services (one per process) behind per-circuit wrappers that check the
    /// signed-in person's role in the project and audit what they change. Tests replace them with fakes.
    /// </summary>
    public static IServiceCollection AddAgentOpsDashboardServices(this IServiceCollection services)
    {
        services.AddSingleton<GrainCalls>();
        services.AddSingleton<Subscriptions>();
        services.AddSingleton<FleetService>();
        services.AddSingleton<EntityService>();
        services.AddSingleton<PolicyService>();
        services.AddSingleton<RunService>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<RuleService>();
        services.AddSingleton<IAuditLog, AuditLog>();

        services.AddScoped<ICurrentUser, CircuitUser>();
        services.AddScoped<ProjectAccess>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IFleetService>(sp => ActivatorUtilities.CreateInstance<AuthorizedFleetService>(sp, sp.GetRequiredService<FleetService>()));
        services.AddScoped<IEntityService>(sp => ActivatorUtilities.CreateInstance<AuthorizedEntityService>(sp, sp.GetRequiredService<EntityService>()));
        services.AddScoped<IPolicyService>(sp => ActivatorUtilities.CreateInstance<AuthorizedPolicyService>(sp, sp.GetRequiredService<PolicyService>()));
        services.AddScoped<IRunService>(sp => ActivatorUtilities.CreateInstance<AuthorizedRunService>(sp, sp.GetRequiredService<RunService>()));
        services.AddScoped<IAlertService>(sp => ActivatorUtilities.CreateInstance<AuthorizedAlertService>(sp, sp.GetRequiredService<AlertService>()));
        services.AddScoped<IRuleService>(sp => ActivatorUtilities.CreateInstance<AuthorizedRuleService>(sp, sp.GetRequiredService<RuleService>()));
        services.AddScoped<IAuditService, AuditService>();

        services.AddScoped<ICurrentProject, UserProjects>();
        services.AddScoped<ThemePreference>();
        services.AddScoped<FormToken>();
        return services;
    }

    public static WebApplication MapAgentOpsDashboard(this WebApplication app)
    {
        app.UseAgentOpsSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAgentOpsSignIn();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapAgentOpsAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
