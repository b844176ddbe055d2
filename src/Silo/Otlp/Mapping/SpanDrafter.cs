using System.Globalization;
using AgentOps.Silo.Ingest;
using AgentOps.Silo.Otlp.Proto;
using Google.Protobuf.Collections;
using static AgentOps.Silo.Otlp.Mapping.AttributeValues;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>
/// Drafts the events of one span: <c>run_started</c>/<c>run_finished</c> for its trace's run span, <c>llm_call</c>
/// for a model call, <c>tool_call</c> for a tool execution, and one <c>eval</c> per <c>gen_ai.evaluation.result</c>
/// span event. Drafts are not validated here: values are carried as found and <see cref="EventValidator"/> judges
/// them, so a bad value rejects its event with a clear error instead of being rewritten.
/// </summary>
internal sealed class SpanDrafter(OtlpOptions options)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Adds the span's drafts to <paramref name="result"/>; returns how many it added.</summary>
    public int Draft(SpanInfo span, TraceGroup trace, OtlpMapResult result)
    {
        var before = result.Drafts.Count;
        var who = Attribution.Of(span, trace, options);
        var isRun = ReferenceEquals(span, trace.RunSpan);
        if (isRun)
        {
            result.Add(RunStarted(span, who), span.Index);
        }

        switch (span.Role)
        {
            case SpanRole.ModelCall:
                result.Add(ModelCall(span, who), span.Index);
                break;
            case SpanRole.ToolCall:
                result.Add(ToolCall(span, who), span.Index);
                break;
        }

        var events = span.Span.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (string.Equals(events[i].Name, GenAi.EvaluationResultEvent, StringComparison.Ordinal))
            {
                result.Add(Evaluation(span, events[i], i, who), span.Index);
            }
        }

        if (isRun && span.Span.EndTimeUnixNano != 0)
        {
            result.Add(RunFinished(span, who), span.Index);
        }

        return result.Drafts.Count - before;
    }

    private static EventDraft RunStarted(SpanInfo span, Attribution who)
    {
        var draft = who.Draft(span.EventId + "-start", "run_started", span.Span.StartTimeUnixNano);
        draft.Input = Text(span.Attributes, OpenInference.InputValue) ?? Text(span.Attributes, GenAi.InputMessages);
        return draft;
    }

    private static EventDraft RunFinished(SpanInfo span, Attribution who)
    {
        var draft = who.Draft(span.EventId + "-end", "run_finished", span.Span.EndTimeUnixNano);
        draft.Outcome = IsError(span.Span) ? "failure" : "success";
        return draft;
    }

    private static EventDraft ModelCall(SpanInfo span, Attribution who)
    {
        var a = span.Attributes;
        var draft = who.Draft(span.EventId, "llm_call", span.Span.StartTimeUnixNano);
        draft.Model = Text(a, GenAi.ResponseModel) ?? Text(a, GenAi.RequestModel) ?? Text(a, OpenInference.ModelName);
        draft.InputTokens = Integer(draft, a, "inputTokens", GenAi.InputTokens, GenAi.PromptTokens, OpenInference.PromptTokens);
        draft.OutputTokens = Integer(draft, a, "outputTokens", GenAi.OutputTokens, GenAi.CompletionTokens, OpenInference.CompletionTokens);
        draft.CachedInputTokens = Integer(draft, a, "cachedInputTokens", GenAi.CacheReadInputTokens, OpenInference.CacheReadTokens);
        draft.CostUsd = Real(draft, a, "costUsd", OpenInference.CostTotal);
        draft.LatencyMs = LatencyMs(span.Span);
        draft.Status = IsError(span.Span) ? "error" : "ok";
        draft.ErrorType = Text(a, GenAi.ErrorType);
        draft.Input = Text(a, GenAi.InputMessages) ?? Text(a, OpenInference.InputValue);
        draft.Output = Text(a, GenAi.OutputMessages) ?? Text(a, OpenInference.OutputValue);
        var attributes = draft.Attributes;
        Put(ref attributes, GenAi.ProviderName, Text(a, GenAi.ProviderName) ?? Text(a, GenAi.System) ?? Text(a, OpenInference.Provider) ?? Text(a, OpenInference.System));
        Put(ref attributes, GenAi.CacheCreationInputTokens, Text(a, GenAi.CacheCreationInputTokens) ?? Text(a, OpenInference.CacheWriteTokens));
        Put(ref attributes, GenAi.ReasoningOutputTokens, Text(a, GenAi.ReasoningOutputTokens) ?? Text(a, OpenInference.ReasoningTokens));
        draft.Attributes = attributes;
        return draft;
    }

    private static EventDraft ToolCall(SpanInfo span, Attribution who)
    {
        var a = span.Attributes;
        var draft = who.Draft(span.EventId, "tool_call", span.Span.StartTimeUnixNano);
        draft.Tool = Text(a, GenAi.ToolName) ?? Text(a, OpenInference.ToolName) ?? ToolFromSpanName(span.Span.Name);
        draft.Input = Text(a, GenAi.ToolCallArguments) ?? Text(a, OpenInference.InputValue);
        draft.Output = Text(a, GenAi.ToolCallResult) ?? Text(a, OpenInference.OutputValue);
        draft.LatencyMs = LatencyMs(span.Span);
        draft.Status = IsError(span.Span) ? "error" : "ok";
        draft.ErrorType = Text(a, GenAi.ErrorType);
        var attributes = draft.Attributes;
        Put(ref attributes, GenAi.ToolCallId, Text(a, GenAi.ToolCallId));
        Put(ref attributes, GenAi.ToolType, Text(a, GenAi.ToolType));
        draft.Attributes = attributes;
        return draft;
    }

    private EventDraft Evaluation(SpanInfo span, Span.Types.Event evaluation, int position, Attribution who)
    {
        var a = evaluation.Attributes;
        var at = evaluation.TimeUnixNano != 0 ? evaluation.TimeUnixNano
            : span.Span.EndTimeUnixNano != 0 ? span.Span.EndTimeUnixNano
            : span.Span.StartTimeUnixNano;
        var draft = who.Draft(string.Create(CultureInfo.InvariantCulture, $"{span.EventId}-eval-{position}"), "eval", at);
        draft.Rubric = Text(a, GenAi.EvaluationName);
        draft.Score = Real(draft, a, "score", GenAi.EvaluationScoreValue);
        draft.Passed = Passed(Text(a, GenAi.EvaluationScoreLabel));
        draft.Evaluator = Text(a, options.EvaluatorAttribute);
        return draft;
    }

    /// <summary><c>pass</c>/<c>passed</c>/<c>true</c> and <c>fail</c>/<c>failed</c>/<c>false</c>, any case; other labels say nothing.</summary>
    internal static bool? Passed(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        "pass" or "passed" or "true" => true,
        "fail" or "failed" or "false" => false,
        _ => null,
    };

    /// <summary>The tool of an <c>execute_tool {name}</c> span that lacks <c>gen_ai.tool.name</c>.</summary>
    private static string? ToolFromSpanName(string name) =>
        name.StartsWith(GenAi.Operations.ExecuteTool + " ", StringComparison.Ordinal) && name.Length > GenAi.Operations.ExecuteTool.Length + 1
            ? name[(GenAi.Operations.ExecuteTool.Length + 1)..]
            : null;

    private static bool IsError(Span span) => span.Status?.Code == Status.Types.StatusCode.Error;

    /// <summary>End minus start in milliseconds; negative when the span ends before it starts (the validator rejects that).</summary>
    private static double? LatencyMs(Span span)
    {
        if (span.StartTimeUnixNano == 0 || span.EndTimeUnixNano == 0)
        {
            return null;
        }

        return span.EndTimeUnixNano >= span.StartTimeUnixNano
            ? (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1e6
            : -((span.StartTimeUnixNano - span.EndTimeUnixNano) / 1e6);
    }

    /// <summary>
    /// An RFC 3339 UTC time from Unix nanoseconds (100 ns precision); null when unset (the validator then uses the time
    /// received). Every fixed64 value fits: the largest is in the year 2554, which the validator rejects as in the future.
    /// </summary>
    internal static string? Timestamp(ulong unixNanos) => unixNanos == 0
        ? null
        : new DateTime(DateTime.UnixEpoch.Ticks + (long)(unixNanos / 100), DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The first of <paramref name="keys"/> present; a present value that is not an integer is the draft's read error.</summary>
    private static long? Integer(EventDraft draft, RepeatedField<KeyValue> attributes, string field, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            var value = Find(attributes, key);
            switch (AttributeValues.Integer(value, out var number))
            {
                case NumberRead.Ok:
                    return number;
                case NumberRead.Invalid:
                    draft.ReadError ??= (field, ItemErrorCodes.InvalidType, $"The attribute {key} must be an integer (got '{Shorten(Text(value))}').");
                    return null;
            }
        }

        return null;
    }

    private static double? Real(EventDraft draft, RepeatedField<KeyValue> attributes, string field, string key)
    {
        var value = Find(attributes, key);
        switch (AttributeValues.Real(value, out var number))
        {
            case NumberRead.Ok:
                return number;
            case NumberRead.Invalid:
                draft.ReadError ??= (field, ItemErrorCodes.InvalidType, $"The attribute {key} must be a finite number (got '{Shorten(Text(value))}').");
                return null;
            default:
                return null;
        }
    }

    internal static void Put(ref Dictionary<string, string>? attributes, string key, string? value)
    {
        if (value is not null)
        {
            (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[key] = value;
        }
    }

    private static string? Shorten(string? text) => text is null || text.Length <= 64 ? text : text[..64] + "…";
}
