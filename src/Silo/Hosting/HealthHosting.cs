using AgentOps.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentOps.Silo.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (events can be accepted and stored).</summary>
public static class HealthHosting
{
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddAgentOpsHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloReadyCheck>("silo", tags: [ReadyTag]);
        var profile = builder.Configuration.GetSection(AgentOpsOptions.Section).Get<AgentOpsOptions>()?.Profile;
        if (profile == StorageProfile.AzureStorage)
        {
            builder.Services.AddSingleton<StorageReadyCheck>(); // it keeps its last answer for a few seconds
            checks.AddCheck<StorageReadyCheck>("storage", tags: [ReadyTag]);
        }

        return builder;
    }

    public static WebApplication MapAgentOpsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

/// <summary>Ready when the silo is active in its cluster.</summary>
public sealed class SiloReadyCheck(ISiloStatusOracle status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {status.CurrentStatus}."));
}
