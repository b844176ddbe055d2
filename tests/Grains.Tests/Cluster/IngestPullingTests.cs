using AgentOps.Hosting;
using AgentOps.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class IngestPullingTests(ClusterFixture fixture)
{
    [Fact]
    public void A_chunk_the_partition_refuses_is_retried_until_it_is_taken_not_skipped_after_a_minute()
    {
        var silo = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var pulling = silo.SiloHost.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(IngestStreams.Provider);

        // Orleans' AsyncExecutorWithRetries reads an infinite time as "no limit"; its default (1 minute) skips the chunk.
        Assert.Equal(Timeout.InfiniteTimeSpan, pulling.MaxEventDeliveryTime);
        Assert.Equal(AgentOpsSiloExtensions.QueuePollPeriod, pulling.GetQueueMsgsTimerPeriod);
    }
}
