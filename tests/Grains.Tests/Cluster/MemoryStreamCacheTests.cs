using AgentOps.Hosting;
using AgentOps.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class MemoryStreamCacheTests(ClusterFixture fixture)
{
    [Fact]
    public void The_local_event_stream_keeps_five_minutes_of_events_not_orleans_half_hour()
    {
        var silo = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var eviction = silo.SiloHost.Services.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(IngestStreams.Provider);

        Assert.Equal(AgentOpsSiloExtensions.MemoryStreamCacheTime, eviction.DataMinTimeInCache);
        Assert.Equal(AgentOpsSiloExtensions.MemoryStreamCacheTime, eviction.DataMaxAgeInCache);
        Assert.True(eviction.DataMaxAgeInCache < StreamCacheEvictionOptions.DefaultDataMaxAgeInCache);
    }
}
