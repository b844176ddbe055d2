using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentOps.Silo.Telemetry;

/// <summary>
/// The silo's own traces and metrics (ASP.NET Core, Orleans, AgentOps) over OTLP, when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (Azure Container Apps' OpenTelemetry agent sets it); off otherwise.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>True when an OTLP endpoint is configured, so the silo exports its own telemetry.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplicationBuilder AddAgentOpsTelemetry(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "agentops-silo"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.Orleans", SiloCounters.MeterName))
            .UseOtlpExporter();
        return builder;
    }
}
