using System.Text.Json;
using AgentOps.Silo.Otlp;
using AgentOps.Silo.Otlp.Decoding;
using AgentOps.Silo.Otlp.Mapping;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// The CPU work of <c>POST /v1/traces</c> before validation, per span: decoding one realistic export of
/// <see cref="Spans"/> GenAI spans (<see cref="GenAiTraces"/>: 20 agent runs of an agent span, two chat spans and two
/// tool spans) with the silo's <see cref="OtlpTraceDecoder"/>, in protobuf and in OTLP/JSON, and mapping it to event
/// drafts with its <see cref="OtlpTraceMapper"/> (default <see cref="OtlpOptions"/>, as the receiver builds it).
/// The baseline is Google.Protobuf's <c>ParseFrom</c> of the same protobuf bytes; <see cref="JsonDocumentParse"/> is
/// the matching floor for the JSON path. Every figure is per span (<c>OperationsPerInvoke</c>).
/// </summary>
[MemoryDiagnoser]
public class OtlpDecodeBenchmarks
{
    /// <summary>Spans in the export request.</summary>
    public const int Spans = Traces * GenAiTraces.SpansPerTrace;

    private const int Traces = 20;

    private byte[] _protobuf = [];
    private byte[] _json = [];
    private ExportTraceServiceRequest _parsed = null!;
    private OtlpTraceMapper _mapper = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        var request = GenAiTraces.Create(Traces, now);
        _protobuf = request.ToByteArray();
        _json = GenAiTraces.ToOtlpJson(request);
        _parsed = OtlpTraceDecoder.Decode(_protobuf, OtlpEncoding.Protobuf);
        _mapper = new OtlpTraceMapper(new OtlpOptions());

        // The two encodings carry the same request, and the silo reads both back to it.
        Check(_parsed.Equals(request), "the protobuf bytes do not decode to the request");
        Check(OtlpTraceDecoder.Decode(_json, OtlpEncoding.Json).Equals(request), "the OTLP/JSON bytes do not decode to the same request as the protobuf bytes");

        // Every span means something: 20 runs give run_started, run_finished, 2 llm_call and 2 tool_call each, plus 4 evals.
        var mapped = _mapper.Map(_parsed);
        const int expectedDrafts = (Traces * 6) + (Traces / 5);
        Check(mapped.Spans == Spans && mapped.InvalidSpans.Count == 0 && mapped.IgnoredSpans == 0 && mapped.Drafts.Count == expectedDrafts,
            $"mapping gave {mapped.Spans} spans, {mapped.InvalidSpans.Count} invalid, {mapped.IgnoredSpans} ignored, {mapped.Drafts.Count} drafts (expected {Spans}, 0, 0, {expectedDrafts})");
        foreach (var (type, count) in new[] { ("run_started", Traces), ("run_finished", Traces), ("llm_call", 2 * Traces), ("tool_call", 2 * Traces), ("eval", Traces / 5) })
        {
            Check(mapped.Drafts.Count(d => d.Type == type) == count, $"expected {count} {type} drafts");
        }

        Check(_mapper.Map(OtlpTraceDecoder.Decode(_json, OtlpEncoding.Json)).Drafts.Count == expectedDrafts, "the JSON path maps differently");
        Check(_mapper.Map(_parsed).Drafts.Count == expectedDrafts, "mapping is not repeatable on the same parsed request");

        // ...and the silo would accept every draft (agent, run, route and user resolved, model priced).
        var validator = SiloPipeline.CreateValidator();
        for (var i = 0; i < mapped.Drafts.Count; i++)
        {
            var (e, error) = validator.Validate(mapped.Drafts[i], i, now);
            Check(error is null, $"draft {i} is rejected: {error?.Code} {error?.Field} {error?.Message}");
            Check(e!.AgentId == "support-agent" && e.RouteId is not null && e.UserId is not null && !e.Unpriced, $"draft {i} is not fully attributed and priced");
        }
    }

    /// <summary>Google.Protobuf parses the protobuf bytes: the least any protobuf path can cost.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Spans)]
    public ExportTraceServiceRequest ProtobufParse() => ExportTraceServiceRequest.Parser.ParseFrom(_protobuf);

    /// <summary>
    /// The count of objects a protobuf body would decode into, read from its bytes: the guard against small bodies that
    /// decode huge, paid only by bodies of 2 MB and more (this request is smaller, so the decode below does not count).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int CountProtobuf() => OtlpMessageCounter.CountProtobuf(_protobuf);

    /// <summary>The same count for the OTLP/JSON body.</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int CountJson() => OtlpMessageCounter.CountJson(_json);

    /// <summary>The silo's protobuf decode (parse behind its error handling).</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public ExportTraceServiceRequest DecodeProtobuf() => OtlpTraceDecoder.Decode(_protobuf, OtlpEncoding.Protobuf);

    /// <summary>Mapping an already decoded request to drafts: grouping by trace, attribution, drafting.</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int MapOnly() => _mapper.Map(_parsed).Drafts.Count;

    /// <summary>What the receiver does for a protobuf body: decode and map.</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int DecodeAndMapProtobuf() => OtlpTraceDecoder.DecodeAndMap(_protobuf, OtlpEncoding.Protobuf, _mapper).Drafts.Count;

    /// <summary>System.Text.Json's DOM over the OTLP/JSON bytes: a floor for the JSON path (no protobuf objects built).</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("resourceSpans").GetArrayLength();
    }

    /// <summary>The silo's OTLP/JSON reader (<see cref="OtlpJsonReader"/>) building the protobuf request.</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public ExportTraceServiceRequest DecodeJson() => OtlpTraceDecoder.Decode(_json, OtlpEncoding.Json);

    /// <summary>What the receiver does for a JSON body: decode and map.</summary>
    [Benchmark(OperationsPerInvoke = Spans)]
    public int DecodeAndMapJson() => OtlpTraceDecoder.DecodeAndMap(_json, OtlpEncoding.Json, _mapper).Drafts.Count;

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"OtlpDecodeBenchmarks setup: {what}.");
        }
    }
}
