using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf.Collections;
using static AgentOps.Silo.Otlp.Mapping.AttributeValues;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>One valid span of a request with what the mapper derived about it.</summary>
internal sealed class SpanInfo(Span span, RepeatedField<KeyValue> resource, int index, string traceId, string spanId)
{
    public Span Span { get; } = span;

    /// <summary>The attributes of the span's resource.</summary>
    public RepeatedField<KeyValue> Resource { get; } = resource;

    /// <summary>Position in the request, in document order.</summary>
    public int Index { get; } = index;

    /// <summary>Lower-case hex, 32 digits.</summary>
    public string TraceId { get; } = traceId;

    /// <summary>Lower-case hex, 16 digits.</summary>
    public string SpanId { get; } = spanId;

    public SpanRole Role { get; } = SpanClassifier.Classify(span);

    public bool IsRoot => Span.ParentSpanId.IsEmpty;

    public RepeatedField<KeyValue> Attributes => Span.Attributes;

    /// <summary>The event id of the span: <c>{traceId}-{spanId}</c>.</summary>
    public string EventId { get; } = $"{traceId}-{spanId}";
}

/// <summary>
/// The spans of one trace in a request. A trace is a run (run id = trace id); its run span is the earliest
/// agent span (<c>invoke_agent</c>, OpenInference <c>AGENT</c>), or when the request holds none, the earliest root
/// span with GenAI or OpenInference attributes. Route and user found on any of its spans apply to the events of the
/// others that lack them.
/// </summary>
internal sealed class TraceGroup
{
    public List<SpanInfo> Spans { get; } = [];

    /// <summary>The span whose start and end are the run's start and finish; null when the request holds none.</summary>
    public SpanInfo? RunSpan { get; private set; }

    /// <summary>The route named by a span of the trace (the run span first).</summary>
    public string? RouteId { get; private set; }

    /// <summary>The user named by a span of the trace (the run span first).</summary>
    public string? UserId { get; private set; }

    /// <summary>Picks the run span and the trace-wide route and user once all spans are in.</summary>
    public void Resolve(OtlpOptions options)
    {
        SpanInfo? agent = null;
        SpanInfo? root = null;
        foreach (var span in Spans)
        {
            if (span.Role == SpanRole.Agent)
            {
                agent = Earlier(agent, span);
            }
            else if (span.IsRoot && span.Role != SpanRole.None)
            {
                root = Earlier(root, span);
            }
        }

        RunSpan = agent ?? root;
        RouteId = FirstOnAnySpan([options.RouteAttribute]);
        UserId = FirstOnAnySpan(options.UserKeys);
    }

    private string? FirstOnAnySpan(IReadOnlyList<string> keys)
    {
        if (RunSpan is not null && First(RunSpan.Attributes, keys) is { } onRun)
        {
            return onRun;
        }

        foreach (var span in Spans)
        {
            if (First(span.Attributes, keys) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value of the first of <paramref name="keys"/> present in <paramref name="attributes"/>.</summary>
    public static string? First(RepeatedField<KeyValue> attributes, IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (Text(attributes, keys[i]) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static SpanInfo Earlier(SpanInfo? current, SpanInfo candidate) =>
        current is null || candidate.Span.StartTimeUnixNano < current.Span.StartTimeUnixNano ? candidate : current;
}
