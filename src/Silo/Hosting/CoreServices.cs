using AgentOps.Ingest;
using AgentOps.Notifications;
using AgentOps.Pricing;
using AgentOps.Redaction;
using AgentOps.Rules;
using AgentOps.Settings;
using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Hosting;

/// <summary>Registers the ingest pipeline, pricing and the clock.</summary>
public static class CoreServices
{
    public static WebApplicationBuilder AddAgentOpsCore(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "model-prices.json"), optional: false, reloadOnChange: false);
        builder.Services.TryAddKeyedSingleton(AgentOpsClock.Key, TimeProvider.System);
        builder.Services.AddOptions<AgentOpsOptions>().BindConfiguration(AgentOpsOptions.Section);
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section);
        builder.Services.AddOptions<TrajectoryOptions>().BindConfiguration(TrajectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new PriceTable(sp.GetRequiredService<IOptions<PricingOptions>>().Value));
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAgentOpsRedaction();
        builder.Services.AddHostedService<ConfigurationWarnings>();
        builder.Services.AddSingleton<EventValidator>();
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddOptions<OtlpOptions>().BindConfiguration(OtlpOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OtlpOptions>, OtlpOptionsValidator>();
        builder.Services.AddSingleton(sp => new OtlpTraceReceiver(sp.GetRequiredService<IOptions<OtlpOptions>>().Value, sp.GetRequiredService<TextRedactor>(), sp.GetRequiredService<ILogger<OtlpTraceReceiver>>()));
        return builder;
    }
}
