using AgentOps.Ingest;
using Orleans.Configuration;
using Orleans.Streams;

namespace AgentOps.Silo.Hosting;

/// <summary>Hosts the Orleans silo in the profile the configuration names.</summary>
public static class OrleansHosting
{
    /// <summary>How often pulling agents read the event queues: the main term of event-to-state latency.</summary>
    private static readonly TimeSpan QueuePollPeriod = TimeSpan.FromMilliseconds(20);

    public static WebApplicationBuilder AddAgentOpsSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AgentOpsOptions.Section).Get<AgentOpsOptions>() ?? new AgentOpsOptions();
        var orleans = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        builder.Services.AddOptions<OrleansSettings>().BindConfiguration(OrleansSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            switch (options.Profile)
            {
                case StorageProfile.Local:
                    silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                    silo.AddMemoryGrainStorage(StorageNames.State);
                    silo.AddMemoryGrainStorage(StorageNames.PubSub);
                    silo.AddMemoryStreams(IngestStreams.Provider, streams =>
                    {
                        streams.ConfigurePartitioning(8);
                        streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = QueuePollPeriod));
                        streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                    });
                    break;
                default:
                    throw new NotSupportedException($"AgentOps:Profile '{options.Profile}' is not available in this build.");
            }

            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
        });
        return builder;
    }
}
