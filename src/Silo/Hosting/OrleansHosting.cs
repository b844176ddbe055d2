using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using AgentOps.Audit;
using AgentOps.Hosting;
using AgentOps.Ingest;
using AgentOps.Runs;
using AgentOps.Silo.Storage;
using AgentOps.Silo.Telemetry;
using Orleans.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace AgentOps.Silo.Hosting;

/// <summary>Hosts the Orleans silo in the profile the configuration names (API.md "Running").</summary>
public static class OrleansHosting
{
    /// <summary>
    /// Event queues of the AzureStorage profile; the stream ids of all projects' partitions hash onto them. Each is
    /// polled while idle (a billed read), so there are as few as keep the default partitions busy.
    /// </summary>
    public const int EventQueues = 4;

    /// <summary>The blob container of <see cref="StorageNames.LargeState"/>; Orleans creates it on first use.</summary>
    public const string LargeStateContainer = "agentops-state";

    /// <summary>How often an idle Azure event queue is read.</summary>
    public static readonly TimeSpan AzureQueuePollPeriod = TimeSpan.FromMilliseconds(100);

    public static WebApplicationBuilder AddAgentOpsSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AgentOpsOptions.Section).Get<AgentOpsOptions>() ?? new AgentOpsOptions();
        var orleans = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        builder.Services.AddOptions<OrleansSettings>().BindConfiguration(OrleansSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var counters = new SiloCounters();
        builder.Services.AddSingleton(counters);
        builder.UseOrleans(silo =>
        {
            silo.AddAgentOpsGrainServices();
            if (TelemetryHosting.IsEnabled(builder.Configuration))
            {
                // Grain calls join the request's trace. Only when traces are exported: the filters cost every grain
                // call reflection and allocations even with no listener (a tenth of the silo's allocations at 10k events/s).
                silo.AddActivityPropagation();
            }
            switch (options.Profile)
            {
                case StorageProfile.Local:
                    silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                    silo.AddAgentOpsMemoryProviders();
                    break;
                case StorageProfile.AzureStorage:
                    UseAzureStorage(silo, new AzureStorageAccount(options.Storage, counters), orleans);
                    break;
            }

            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            // Failure detection is tunable (e.g. Orleans:Membership:ProbeTimeout, NumMissedProbesLimit) for faster failover.
            silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Orleans:Membership");
        });
        return builder;
    }

    private static void UseAzureStorage(ISiloBuilder silo, AzureStorageAccount account, OrleansSettings orleans)
    {
        silo.Services.AddSingleton(account);
        silo.Services.AddSingleton<IEventJournal, TableEventJournal>();
        silo.Services.AddSingleton<IChunkStore, BlobChunkStore>();
        silo.Services.AddSingleton<ITrajectoryStore, AzureTrajectoryStore>();
        silo.Services.AddSingleton<IAuditStore, TableAuditStore>();
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans.ClusterId;
            o.ServiceId = orleans.ServiceId;
        });
        silo.ConfigureEndpoints(AdvertisedAddress(orleans), orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAzureStorageClustering(o => o.TableServiceClient = account.Tables);
        silo.AddAzureTableGrainStorage(StorageNames.State, o =>
        {
            o.TableServiceClient = account.Tables;
            o.TableName = "agentopsstate";
        });
        silo.AddAzureBlobGrainStorage(StorageNames.LargeState, o =>
        {
            o.BlobServiceClient = account.Blobs;
            o.ContainerName = LargeStateContainer;
        });
        silo.AddAzureTableGrainStorage(StorageNames.PubSub, o =>
        {
            o.TableServiceClient = account.Tables;
            o.TableName = "agentopspubsub";
        });
        silo.UseAzureTableReminderService(o =>
        {
            o.TableServiceClient = account.Tables;
            o.TableName = "agentopsreminders";
        });
        silo.AddAzureQueueStreams(IngestStreams.Provider, streams =>
        {
            streams.ConfigureAzureQueue(queue => queue.Configure<IOptions<ClusterOptions>>((o, cluster) =>
            {
                o.QueueServiceClient = account.Queues;
                o.QueueNames = [.. Enumerable.Range(0, EventQueues).Select(i => $"{QueuePrefix(cluster.Value.ServiceId)}-events-{i}")];
                // A message read by a silo that then dies reappears after this; shorter means a faster recovery, but it must
                // outlast a message's normal stay in the pulling agent's cache, or it is delivered twice (and dropped as a duplicate).
                o.MessageVisibilityTimeout = TimeSpan.FromSeconds(30);
            }));
            // An idle queue costs one billed read per poll (the agent reads on at once while messages keep coming), so
            // Azure queues are polled every 100 ms, not every 20 ms like the free memory queues: 40 reads/s idle for 4 queues.
            streams.ConfigurePullingAgent(agent => agent.Configure(o => AgentOpsSiloExtensions.ConfigureIngestPulling(o, AzureQueuePollPeriod)));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
    }

    /// <summary>
    /// The address other silos and clients reach this silo at: <c>Orleans:AdvertisedIPAddress</c> when set, else the host's
    /// first up, non-loopback IPv4 address (a container replica's own address), else loopback (one machine).
    /// </summary>
    private static IPAddress AdvertisedAddress(OrleansSettings orleans)
    {
        if (orleans.AdvertisedIPAddress is { Length: > 0 } configured)
        {
            return IPAddress.Parse(configured);
        }

        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        return address ?? IPAddress.Loopback;
    }

    /// <summary>Queue names must be lower-case letters, digits and dashes.</summary>
    private static string QueuePrefix(string serviceId) =>
        new string([.. serviceId.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } p ? p[..Math.Min(p.Length, 40)] : "agentops";
}
