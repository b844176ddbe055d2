using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AgentOps.Events;
using AgentOps.Silo.Ingest;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// The CPU work of <c>POST /v1/events</c> before the hand-off to the partitions, per event: <see cref="EventBatchReader.Read"/>
/// of a batch of <see cref="Events"/> events and <see cref="EventValidator.Validate"/> of each (id and field checks,
/// RFC 3339 timestamp, pricing from the silo's price table, redaction scan, pseudonyms), with the silo's default
/// configuration (<see cref="SiloPipeline"/>). The batch has the shape of the load generator's
/// <c>tools/LoadGenerator/Workload.cs</c> (<see cref="WriteWorkloadBatch"/>). The baseline is System.Text.Json's
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
    /// A batch shaped like <c>tools/LoadGenerator/Workload.cs</c> with its default options (1,000 agents, 50 routes,
    /// 5,000 users, 2,000 runs in flight, seed 42): each event the next step of a random run in flight (start, model
    /// and tool calls alternating, sometimes an eval, a finish), so a batch touches many agents, routes and users. The
    /// batch is taken after 50,000 events, in the generator's steady state (its first batch is nearly all run starts).
    /// </summary>
    internal static byte[] WriteWorkloadBatch(int count, DateTimeOffset now, int seed = 42)
    {
        string[] models = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"];
        string[] tools = ["read_file", "search", "http_get", "run_tests", "post_comment", "db_read", "list_dir", "write_file"];
        const int runsInFlight = 2_000, agents = 1_000, routes = 50, users = 5_000;
        const int warmUpEvents = 50_000;
        var random = new Random(seed);
        var runs = new WorkloadRun?[runsInFlight];
        var prefix = "a1b2c3-g0-";
        long nextId = 0, nextRun = 0;

        // The load generator runs for minutes: skip its first batches, whose runs have barely started.
        var scratch = new ArrayBufferWriter<byte>();
        using (var discard = new Utf8JsonWriter(scratch))
        {
            discard.WriteStartArray();
            for (var i = 0; i < warmUpEvents; i++)
            {
                WriteNextStep(discard);
                if (scratch.WrittenCount > 1 << 20)
                {
                    discard.Flush();
                    scratch.ResetWrittenCount();
                }
            }
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            for (var i = 0; i < count; i++)
            {
                WriteNextStep(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();

        void WriteNextStep(Utf8JsonWriter json)
        {
            var slot = random.Next(runsInFlight);
            var run = runs[slot] ??= NewRun();
            json.WriteStartObject();
            json.WriteString("id", prefix + nextId++.ToString(CultureInfo.InvariantCulture));
            json.WriteString("timestamp", now);
            json.WriteString("agentId", run.Agent);
            json.WriteString("runId", run.Id);
            json.WriteString("routeId", run.Route);
            json.WriteString("userId", run.User);
            if (run.Step == 0)
            {
                json.WriteString("type", "run_started");
            }
            else if (run.Step >= run.Steps)
            {
                json.WriteString("type", "run_finished");
                json.WriteString("outcome", random.Next(10) == 0 ? "failure" : "success");
                runs[slot] = null;
            }
            else if (run.Step == run.Steps - 1 && run.Evaluated)
            {
                json.WriteString("type", "eval");
                json.WriteString("rubric", "helpfulness");
                json.WriteNumber("score", Math.Round(0.6 + (random.NextDouble() * 0.4), 3));
                json.WriteBoolean("passed", random.Next(5) != 0);
            }
            else if (run.Step % 2 == 1)
            {
                json.WriteString("type", "llm_call");
                json.WriteString("model", run.Model);
                var input = 500 + random.Next(4_000);
                json.WriteNumber("inputTokens", input);
                json.WriteNumber("cachedInputTokens", input / 2);
                json.WriteNumber("outputTokens", 50 + random.Next(800));
                json.WriteNumber("latencyMs", 300 + random.Next(2_000));
                json.WriteNumber("attempt", random.Next(20) == 0 ? 2 : 1);
            }
            else
            {
                json.WriteString("type", "tool_call");
                json.WriteString("tool", tools[random.Next(tools.Length)]);
                json.WriteString("action", "read");
                json.WriteString("status", random.Next(25) == 0 ? "error" : "ok");
                json.WriteNumber("latencyMs", 5 + random.Next(200));
            }

            json.WriteEndObject();
            run.Step++;
        }

        WorkloadRun NewRun()
        {
            var agent = random.Next(agents);
            return new WorkloadRun
            {
                Id = $"{prefix}run-{nextRun++}",
                Agent = $"agent-{agent:0000}",
                Route = $"route-{agent % routes:00}",
                User = $"user-{random.Next(users):0000}",
                Model = models[agent % models.Length],
                Steps = 4 + random.Next(8),
                Evaluated = random.Next(10) == 0,
            };
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"IngestParseBenchmarks setup: {what}.");
        }
    }

    private sealed class WorkloadRun
    {
        public required string Id { get; init; }
        public required string Agent { get; init; }
        public required string Route { get; init; }
        public required string User { get; init; }
        public required string Model { get; init; }
        public required int Steps { get; init; }
        public required bool Evaluated { get; init; }
        public int Step { get; set; }
    }
}
