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
    public static WebApplicationBuilder AddAgentOpsTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
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
