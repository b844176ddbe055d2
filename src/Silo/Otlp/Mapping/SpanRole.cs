using AgentOps.Silo.Otlp.Proto;
using static AgentOps.Silo.Otlp.Mapping.AttributeValues;

namespace AgentOps.Silo.Otlp.Mapping;

/// <summary>What a span means to AgentOps, from its GenAI or OpenInference attributes.</summary>
public enum SpanRole
{
    /// <summary>No GenAI or OpenInference attribute: ignored.</summary>
    None,

    /// <summary>A model call (<c>chat</c>, <c>text_completion</c>, <c>generate_content</c>; OpenInference <c>LLM</c>).</summary>
    ModelCall,

    /// <summary>A tool execution (<c>execute_tool</c>; OpenInference <c>TOOL</c>).</summary>
    ToolCall,

    /// <summary>An agent invocation (<c>invoke_agent</c>; OpenInference <c>AGENT</c>): the run.</summary>
    Agent,

    /// <summary>An OpenInference <c>CHAIN</c>: the run when it is a trace's root and the trace has no agent span.</summary>
    Chain,

    /// <summary>Another GenAI or OpenInference span (embeddings, retrieval, agent creation...): no event of its own.</summary>
    OtherGenAi,
}

/// <summary>Decides a span's <see cref="SpanRole"/>: <c>gen_ai.operation.name</c> first, then <c>openinference.span.kind</c>.</summary>
public static class SpanClassifier
{
    public static SpanRole Classify(Span span)
    {
        var attributes = span.Attributes;
        if (Text(attributes, GenAi.OperationName) is { } operation)
        {
            return operation switch
            {
                GenAi.Operations.Chat or GenAi.Operations.TextCompletion or GenAi.Operations.GenerateContent => SpanRole.ModelCall,
                GenAi.Operations.ExecuteTool => SpanRole.ToolCall,
                GenAi.Operations.InvokeAgent => SpanRole.Agent,
                _ => SpanRole.OtherGenAi,
            };
        }

        if (Text(attributes, OpenInference.SpanKind) is { } kind)
        {
            return kind.ToUpperInvariant() switch
            {
                OpenInference.Kinds.Llm => SpanRole.ModelCall,
                OpenInference.Kinds.Tool => SpanRole.ToolCall,
                OpenInference.Kinds.Agent => SpanRole.Agent,
                OpenInference.Kinds.Chain => SpanRole.Chain,
                _ => SpanRole.OtherGenAi,
            };
        }

        return AnyWithPrefix(attributes, GenAi.Prefix) ? SpanRole.OtherGenAi : SpanRole.None;
    }
}
