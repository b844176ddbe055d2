using AgentOps.Hosting;
using AgentOps.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>The Local profile's ingest stream settings that differ from Orleans' defaults, and why.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IngestStreamOptionsTests(ClusterFixture fixture)
{
    [Fact]
    public void The_local_event_stream_keeps_five_minutes_of_events_not_orleans_half_hour()
    {
        var eviction = Options<StreamCacheEvictionOptions>();

        Assert.Equal(AgentOpsSiloExtensions.MemoryStreamCacheTime, eviction.DataMinTimeInCache);
        Assert.Equal(AgentOpsSiloExtensions.MemoryStreamCacheTime, eviction.DataMaxAgeInCache);
        Assert.True(eviction.DataMaxAgeInCache < StreamCacheEvictionOptions.DefaultDataMaxAgeInCache);
    }

    [Fact]
    public void A_chunk_the_partition_refuses_is_retried_until_it_is_taken_not_skipped_after_a_minute()
    {
        var pulling = Options<StreamPullingAgentOptions>();

        // Orleans' AsyncExecutorWithRetries reads an infinite time as "no limit"; its default (1 minute) skips the chunk.
        Assert.Equal(Timeout.InfiniteTimeSpan, pulling.MaxEventDeliveryTime);
        Assert.Equal(AgentOpsSiloExtensions.QueuePollPeriod, pulling.GetQueueMsgsTimerPeriod);
    }

    private TOptions Options<TOptions>() =>
        Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary).SiloHost.Services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(IngestStreams.Provider);
}
