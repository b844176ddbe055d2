using Azure.Core;
using Azure.Core.Pipeline;
using AgentOps.Silo.Telemetry;

namespace AgentOps.Silo.Storage;

/// <summary>Counts every request the storage clients send (each is a billed transaction), retries included.</summary>
public sealed class StorageRequestCounter(SiloCounters counters, string service) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        counters.StorageRequest(service);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        counters.StorageRequest(service);
        return ProcessNextAsync(message, pipeline);
    }
}
