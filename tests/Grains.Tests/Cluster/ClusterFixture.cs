using AgentOps.Hosting;
using AgentOps.Ingest;
using AgentOps.Rules;
using AgentOps.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>A two-silo test cluster in the Local profile, shared by the tests of a collection; tests use random keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The monitoring clock of every silo (Orleans keeps its own).</summary>
    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddAgentOpsGrainServices().AddAgentOpsMemoryProviders();
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(AgentOpsClock.Key, Clock);
            siloBuilder.Services.Configure<IngestOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(10));
            siloBuilder.Services.Configure<RulesOptions>(o => o.RefreshInterval = TimeSpan.FromMilliseconds(100));
            siloBuilder.Services.Configure<TrajectoryOptions>(o => o.SampleRate = 1); // ordinary runs keep their steps unless a test lowers the rate
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(IngestStreams.Provider, streams => streams.ConfigurePartitioning(AgentOpsSiloExtensions.MemoryEventQueues));
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
