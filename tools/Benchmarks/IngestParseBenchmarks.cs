using System.Buffers;
using System.Text.Json;
using AgentOps.Events;
using AgentOps.LoadGenerator;
using AgentOps.Silo.Ingest;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// The CPU work of <c>POST /v1/events</c> before the hand-off to the partitions, per event: <see cref="EventBatchReader.Read"/>
/// of a batch of <see cref="Events"/> events and <see cref="EventValidator.Validate"/> of each (id and field checks,
/// RFC 3339 timestamp, pricing from the silo's price table, redaction scan, pseudonyms), with the silo's default
/// configuration (<see cref="SiloPipeline"/>). The batch is the load generator's
/// (<see cref="WriteWorkloadBatch"/>). The baseline is System.Text.Json's
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes. Every figure is per event.
/// </summary>
[MemoryDiagnoser]
public class IngestParseBenchmarks
{
    /// <summary>Events per batch (the load generator's default <c>--batch</c>).</summary>
    public const int Events = 500;

    private byte[] _body = [];
    private IReadOnlyList<EventDraft> _drafts = [];
    private EventValidator _validator = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        _body = WriteWorkloadBatch(Events, _now);
        _validator = SiloPipeline.CreateValidator();
        var batch = EventBatchReader.Read(_body, EventLimits.MaxEventsPerRequest);
        Check(batch.Failure is null && batch.Drafts.Count == Events, $"the batch did not read as {Events} events: {batch.Failure?.Message}");
        Check(batch.Drafts.All(d => d.ReadError is null), "a draft has a read error");
        _drafts = batch.Drafts;

        var types = new Dictionary<EventType, int>();
        for (var i = 0; i < _drafts.Count; i++)
        {
            var (e, error) = _validator.Validate(_drafts[i], i, _now);
            Check(error is null, $"event {i} is rejected: {error?.Code} {error?.Field} {error?.Message}");
            Check(e!.Type != EventType.LlmCall || (!e.Unpriced && e.CostNanos > 0), $"llm_call {i} ({e.Model}) is not priced");
            types[e.Type] = types.GetValueOrDefault(e.Type) + 1;
        }

        Check(types.Count == 5, $"the batch does not hold all five event types ({string.Join(", ", types.Select(t => $"{t.Key}={t.Value}"))})");
        Check(ReadAndValidate() == Events, "read and validate did not accept every event");
    }

    /// <summary>System.Text.Json builds a DOM of the body: the floor of reading it at all.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("events").GetArrayLength();
    }

    /// <summary>The silo's reader: UTF-8 to drafts, one forward pass.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int Read() => EventBatchReader.Read(_body, EventLimits.MaxEventsPerRequest).Drafts.Count;

    /// <summary>The validator alone on drafts read beforehand.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int Validate()
    {
        var accepted = 0;
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (_validator.Validate(_drafts[i], i, _now).Event is not null)
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>Read, then validate every draft: the request's CPU work up to the partition hand-off.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int ReadAndValidate()
    {
        var drafts = EventBatchReader.Read(_body, EventLimits.MaxEventsPerRequest).Drafts;
        var accepted = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (_validator.Validate(drafts[i], i, _now).Event is not null)
            {
                accepted++;
            }
        }

        return accepted;
    }

    /// <summary>
    /// A batch of the load generator's own <see cref="Workload"/> with its default options (1,000 agents, 50 routes,
    /// 5,000 users, 2,000 runs in flight, seed 42), taken after 50,000 events, in the generator's steady state (its
    /// first batch is nearly all run starts).
    /// </summary>
    internal static byte[] WriteWorkloadBatch(int count, DateTimeOffset now, int seed = 42)
    {
        const int warmUpEvents = 50_000;
        var workload = new Workload(new LoadOptions { Batch = count, Seed = seed }, generator: 0);
        var buffer = new ArrayBufferWriter<byte>();
        for (var written = 0; written < warmUpEvents; written += count)
        {
            workload.WriteBatch(buffer, now);
            buffer.ResetWrittenCount();
        }

        workload.WriteBatch(buffer, now);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"IngestParseBenchmarks setup: {what}.");
        }
    }
}
