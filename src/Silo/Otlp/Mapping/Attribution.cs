using AgentOps.Silo.Ingest;
using static AgentOps.Silo.Otlp.Mapping.AttributeValues;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>
/// Who an event of a span belongs to: agent (and version), run, route and user, plus the context attributes every
/// event of the span carries (<c>session.id</c>, <c>gen_ai.conversation.id</c>).
/// </summary>
internal sealed class Attribution
{
    private string? _sessionId;
    private string? _conversationId;

    public string? AgentId { get; private init; }
    public string? AgentVersion { get; private init; }
    public required string RunId { get; init; }
    public string? RouteId { get; private init; }
    public string? UserId { get; private init; }

    /// <summary>
    /// Agent and version: the configured attributes on the span, then on its run's agent span, then on the resource.
    /// Route and user: the span, then any span of its trace in the request, then the resource.
    /// </summary>
    public static Attribution Of(SpanInfo span, TraceGroup trace, OtlpOptions options)
    {
        var run = trace.RunSpan is { } r && !ReferenceEquals(r, span) ? r : null;
        return new Attribution
        {
            RunId = span.TraceId,
            AgentId = Lookup(options.AgentIdKeys, span, run),
            AgentVersion = Lookup(options.AgentVersionKeys, span, run),
            RouteId = Text(span.Attributes, options.RouteAttribute) ?? trace.RouteId ?? Text(span.Resource, options.RouteAttribute),
            UserId = TraceGroup.First(span.Attributes, options.UserKeys) ?? trace.UserId ?? TraceGroup.First(span.Resource, options.UserKeys),
            _sessionId = Text(span.Attributes, OpenInference.SessionId) ?? (run is null ? null : Text(run.Attributes, OpenInference.SessionId)),
            _conversationId = Text(span.Attributes, GenAi.ConversationId) ?? (run is null ? null : Text(run.Attributes, GenAi.ConversationId)),
        };
    }

    /// <summary>A new draft of this span with the common fields set.</summary>
    public EventDraft Draft(string id, string type, ulong unixNanos)
    {
        Dictionary<string, string>? attributes = null;
        SpanDrafter.Put(ref attributes, OpenInference.SessionId, _sessionId);
        SpanDrafter.Put(ref attributes, GenAi.ConversationId, _conversationId);
        return new EventDraft
        {
            Id = id,
            Type = type,
            Timestamp = SpanDrafter.Timestamp(unixNanos),
            AgentId = AgentId,
            AgentVersion = AgentVersion,
            RunId = RunId,
            RouteId = RouteId,
            UserId = UserId,
            Attributes = attributes,
        };
    }

    private static string? Lookup(IReadOnlyList<string> keys, SpanInfo span, SpanInfo? run) =>
        TraceGroup.First(span.Attributes, keys)
        ?? (run is null ? null : TraceGroup.First(run.Attributes, keys))
        ?? TraceGroup.First(span.Resource, keys);
}
