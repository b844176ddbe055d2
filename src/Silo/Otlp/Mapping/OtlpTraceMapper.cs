using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>
/// Maps an OTLP export request to event drafts: checks each span's ids, groups spans by trace (a trace is a run),
/// resolves each trace's run span and trace-wide route and user, then drafts each span's events.
/// Spans that give no event are counted as ignored.
/// </summary>
public sealed class OtlpTraceMapper(OtlpOptions options)
{
    private static readonly RepeatedField<KeyValue> NoAttributes = [];
    private readonly SpanDrafter _drafter = new(options);

    public OtlpMapResult Map(ExportTraceServiceRequest request)
    {
        var result = new OtlpMapResult();
        var traces = new Dictionary<string, TraceGroup>(StringComparer.Ordinal);
        var index = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = resourceSpans.Resource?.Attributes ?? NoAttributes;
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    var position = index++;
                    if (IdProblem(span) is not null)
                    {
                        result.Invalid(position, span);
                        continue;
                    }

                    var info = new SpanInfo(span, resource, position, Convert.ToHexStringLower(span.TraceId.Span), Convert.ToHexStringLower(span.SpanId.Span));
                    if (!traces.TryGetValue(info.TraceId, out var trace))
                    {
                        traces[info.TraceId] = trace = new TraceGroup();
                    }

                    trace.Spans.Add(info);
                }
            }
        }

        result.Spans = index;
        foreach (var trace in traces.Values)
        {
            trace.Resolve(options);
            foreach (var span in trace.Spans)
            {
                if (_drafter.Draft(span, trace, result) == 0)
                {
                    result.Ignore(span.Span.Name);
                }
            }
        }

        return result;
    }

    /// <summary>What is wrong with a span's ids (OTLP: trace id 16 bytes, span id 8 bytes, neither all zero; parent empty or 8 bytes).</summary>
    /// <summary>What is wrong with a span's ids; null when nothing is.</summary>
    internal static string? IdProblem(Span span)
    {
        if (!IsValidId(span.TraceId, 16))
        {
            return $"traceId must be 16 bytes, not all zero (got {span.TraceId.Length} bytes).";
        }

        if (!IsValidId(span.SpanId, 8))
        {
            return $"spanId must be 8 bytes, not all zero (got {span.SpanId.Length} bytes).";
        }

        return span.ParentSpanId.Length is 0 or 8 ? null : $"parentSpanId must be empty or 8 bytes (got {span.ParentSpanId.Length} bytes).";
    }

    private static bool IsValidId(ByteString id, int length) => id.Length == length && id.Span.ContainsAnyExcept((byte)0);

    internal static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
