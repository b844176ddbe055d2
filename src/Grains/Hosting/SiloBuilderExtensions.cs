using AgentOps.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.Streams;

namespace AgentOps.Hosting;

/// <summary>The Orleans providers the grains need, per profile; shared by the silo host and the test clusters.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>How often pulling agents read the event queues: the main term of event-to-state latency.</summary>
    public static readonly TimeSpan QueuePollPeriod = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// What every profile needs: grain state is stored with the Orleans binary serializer (version-tolerant through
    /// the [Id] attributes, compact, and able to see private fields), not the default JSON one, which would drop them.
    /// </summary>
    public static ISiloBuilder AddAgentOpsGrainServices(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return silo;
    }

    /// <summary>Memory grain storage and memory streams: the Local profile (nothing survives a restart).</summary>
    public static ISiloBuilder AddAgentOpsMemoryProviders(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.State);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(IngestStreams.Provider, streams =>
        {
            streams.ConfigurePartitioning(8);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = QueuePollPeriod));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        return silo;
    }
}
