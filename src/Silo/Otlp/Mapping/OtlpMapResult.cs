using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp.Proto;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>
/// The events drafted from one export request, which span each came from, and the spans that gave no event:
/// ignored (no GenAI or OpenInference meaning) or invalid (bad trace or span id).
/// </summary>
public sealed class OtlpMapResult
{
    private readonly List<int> _draftSpans = [];
    private readonly List<SpanProblem> _invalidSpans = [];

    /// <summary>Spans in the request.</summary>
    public int Spans { get; internal set; }

    /// <summary>The drafted events, ready for <see cref="EventIngestor.IngestAsync"/>.</summary>
    public List<EventDraft> Drafts { get; } = [];

    /// <summary>For each draft, the position of its span in the request (0-based, in document order).</summary>
    public IReadOnlyList<int> DraftSpans => _draftSpans;

    /// <summary>Spans rejected before drafting (invalid ids).</summary>
    public IReadOnlyList<SpanProblem> InvalidSpans => _invalidSpans;

    /// <summary>Valid spans that gave no event.</summary>
    public int IgnoredSpans { get; private set; }

    /// <summary>The name of the first ignored span, for the log.</summary>
    public string? FirstIgnoredSpanName { get; private set; }

    internal void Add(EventDraft draft, int spanIndex)
    {
        Drafts.Add(draft);
        _draftSpans.Add(spanIndex);
    }

    internal void Invalid(int spanIndex, Span span) => _invalidSpans.Add(new SpanProblem(spanIndex, span));

    internal void Ignore(string spanName)
    {
        IgnoredSpans++;
        FirstIgnoredSpanName ??= spanName.Length <= 128 ? spanName : spanName[..128] + "…";
    }
}

/// <summary>
/// Why one span of a request was rejected before it became events. The message is built when read: an export may hold
/// hundreds of thousands of invalid spans, and its answer names three.
/// </summary>
public sealed record SpanProblem(int SpanIndex, Span Span)
{
    public string Message => $"Span {SpanIndex} '{OtlpTraceMapper.Shorten(Span.Name)}': {OtlpTraceMapper.IdProblem(Span)}";
}
