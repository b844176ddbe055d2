using AgentOps.Audit;
using AgentOps.Entities;
using AgentOps.Ingest;
using AgentOps.Notifications;
using AgentOps.Redaction;
using AgentOps.Rules;
using AgentOps.Runs;
using AgentOps.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.Streams;
using Polly;

namespace AgentOps.Hosting;

/// <summary>The Orleans providers the grains need, per profile; shared by the silo host and the test clusters.</summary>
public static class AgentOpsSiloExtensions
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
        silo.Services.AddAgentOpsRedaction();
        silo.Services.AddSingleton<RuleCache>();
        silo.Services.AddSingleton<SettingsCache>();
        silo.Services.TryAddSingleton<ITrajectoryStore, MemoryTrajectoryStore>();
        silo.Services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
        silo.Services.TryAddSingleton<IEventJournal>(sp => new NullEventJournal(TimeProvider.System));
        silo.Services.TryAddSingleton<IChunkStore, InlineChunkStore>();
        silo.Services.AddSingleton<EntityGrainServices>();
        silo.Services.AddSingleton(sp => new OutboundTargetPolicy(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.AllowedTargets));
        var notifications = silo.Services.AddHttpClient(NotificationChannelGrain.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedConnection.Handler(sp.GetRequiredService<OutboundTargetPolicy>()));
        notifications.AddResilienceHandler("notifications", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    ShouldHandle = options.MaxRetries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        notifications.AddHttpMessageHandler(() => new AttemptCountingHandler()); // inside the retries: counts every attempt
        return silo;
    }

    /// <summary>
    /// Queues of the Local profile's memory stream: twice the default partitions, because stream ids hash onto queues
    /// and with as many queues as partitions two partitions often share one pulling agent. An idle memory queue costs
    /// nothing (the AzureStorage profile keeps 4: each idle Azure queue is a billed read every poll).
    /// </summary>
    public const int MemoryEventQueues = 8;

    /// <summary>
    /// How long the Local profile's memory stream keeps events in its cache. Orleans' defaults purge an event only once it
    /// has been cached 5 minutes and 30 minutes of newer events have arrived: half an hour of traffic in memory, about
    /// 3 GB at 10,000 events/s. The cache is purged by time alone, read or not, so this is also how far a partition may
    /// fall behind before it misses events: 5 minutes, well beyond Orleans' 1-minute delivery retry window.
    /// </summary>
    public static readonly TimeSpan MemoryStreamCacheTime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The ingest stream's pulling agent: it polls every <paramref name="pollPeriod"/> and retries a delivery the partition
    /// grain refused (its journal or a policy read failing) for as long as it takes. Orleans' default gives up after a
    /// minute and skips the chunk, which would lose events already answered 2xx; retrying holds the partition's queue
    /// back instead, and ingest answers 503 once the queue is full.
    /// </summary>
    public static void ConfigureIngestPulling(StreamPullingAgentOptions options, TimeSpan pollPeriod)
    {
        options.GetQueueMsgsTimerPeriod = pollPeriod;
        options.MaxEventDeliveryTime = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Memory grain storage and memory streams: the Local profile (nothing survives a restart).</summary>
    public static ISiloBuilder AddAgentOpsMemoryProviders(this ISiloBuilder silo)
    {
        AddStoppingAwareMemoryStorage(silo, StorageNames.State);
        AddStoppingAwareMemoryStorage(silo, StorageNames.LargeState);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(IngestStreams.Provider, streams =>
        {
            streams.ConfigurePartitioning(MemoryEventQueues);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => ConfigureIngestPulling(o, QueuePollPeriod)));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = MemoryStreamCacheTime;
                o.DataMaxAgeInCache = MemoryStreamCacheTime;
            }));
        });
        return silo;
    }

    private static void AddStoppingAwareMemoryStorage(ISiloBuilder silo, string name)
    {
        var memory = name + "-memory";
        silo.AddMemoryGrainStorage(memory);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => new StoppingAwareMemoryStorage(
            services.GetRequiredKeyedService<IGrainStorage>(memory), services.GetRequiredService<IHostApplicationLifetime>()));
    }
}
