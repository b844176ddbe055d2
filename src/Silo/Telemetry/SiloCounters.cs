using System.Diagnostics.Metrics;

namespace AgentOps.Silo.Telemetry;

/// <summary>
/// The silo's own counters: read by <c>GET /metrics</c> and published on the <c>AgentOps</c> meter for OpenTelemetry,
/// from one set of numbers.
/// </summary>
public sealed class SiloCounters : IDisposable
{
    public const string MeterName = "AgentOps";

    private readonly Meter _meter = new(MeterName);
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _refused;
    private long _tableRequests;
    private long _queueRequests;
    private long _blobRequests;

    public SiloCounters()
    {
        _meter.CreateObservableCounter("agentops.ingest.events.accepted", () => Interlocked.Read(ref _accepted), description: "Events accepted");
        _meter.CreateObservableCounter("agentops.ingest.events.duplicates", () => Interlocked.Read(ref _duplicates), description: "Events dropped as re-sent");
        _meter.CreateObservableCounter("agentops.ingest.events.rejected", () => Interlocked.Read(ref _rejected), description: "Events rejected as invalid");
        _meter.CreateObservableCounter("agentops.ingest.requests.refused", () => Interlocked.Read(ref _refused), description: "Ingest requests answered 429 or 503");
        _meter.CreateObservableCounter("agentops.storage.requests", () => new Measurement<long>[]
        {
            new(Interlocked.Read(ref _tableRequests), new KeyValuePair<string, object?>("service", "table")),
            new(Interlocked.Read(ref _queueRequests), new KeyValuePair<string, object?>("service", "queue")),
            new(Interlocked.Read(ref _blobRequests), new KeyValuePair<string, object?>("service", "blob")),
        }, description: "Azure Storage requests (transactions)");
    }

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Refused => Interlocked.Read(ref _refused);
    public long TableRequests => Interlocked.Read(ref _tableRequests);
    public long QueueRequests => Interlocked.Read(ref _queueRequests);
    public long BlobRequests => Interlocked.Read(ref _blobRequests);

    public void Ingested(int accepted, int duplicates, int rejected)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
    }

    public void RefusedRequest() => Interlocked.Increment(ref _refused);

    public void StorageRequest(string service)
    {
        switch (service)
        {
            case "table":
                Interlocked.Increment(ref _tableRequests);
                break;
            case "queue":
                Interlocked.Increment(ref _queueRequests);
                break;
            default:
                Interlocked.Increment(ref _blobRequests);
                break;
        }
    }

    public void Dispose() => _meter.Dispose();
}
