using AgentOps.Hosting;
using Orleans.Configuration;

namespace AgentOps.Silo.Hosting;

/// <summary>Hosts the Orleans silo in the profile the configuration names.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddAgentOpsSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AgentOpsOptions.Section).Get<AgentOpsOptions>() ?? new AgentOpsOptions();
        var orleans = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        builder.Services.AddOptions<OrleansSettings>().BindConfiguration(OrleansSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            silo.AddAgentOpsGrainServices();
            switch (options.Profile)
            {
                case StorageProfile.Local:
                    silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                    silo.AddAgentOpsMemoryProviders();
                    break;
                default:
                    throw new NotSupportedException($"AgentOps:Profile '{options.Profile}' is not available in this build.");
            }

            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
        });
        return builder;
    }
}
