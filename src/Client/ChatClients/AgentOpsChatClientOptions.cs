using AgentOps.Client.Events;
using Microsoft.Extensions.AI;

namespace AgentOps.Client.ChatClients;

/// <summary>Settings of the <see cref="AgentOpsChatClient"/> middleware.</summary>
public sealed class AgentOpsChatClientOptions
{
    /// <summary>Also record prompts, answers, tool arguments and tool results as the events' <c>input</c>/<c>output</c> (trajectory text). Default false.</summary>
    public bool RecordContent { get; set; }

    /// <summary>Longest recorded text; longer text is cut. Default 4,096 characters.</summary>
    public int MaxContentChars { get; set; } = 4_096;

    /// <summary>Record the tool calls seen in responses (paired with their results in later requests). Default true.</summary>
    public bool RecordToolCalls { get; set; } = true;

    /// <summary>The model recorded when neither the response, the chat options nor the inner client's metadata name one. Default <c>unknown</c>.</summary>
    public string UnknownModel { get; set; } = "unknown";

    /// <summary>
    /// Bounds the middleware's memory: the most runs with a failed model call awaiting its retry, and the most tool
    /// calls awaiting their result; beyond it the oldest state is forgotten (a retry then counts as attempt 1, a tool call
    /// whose result never comes is not recorded). Default 10,000.
    /// </summary>
    public int MaxTrackedEntries { get; set; } = 10_000;

    /// <summary>Called with each <c>llm_call</c> before it is tracked (the response is null and the exception set when the call failed): set a cost, attributes, or another model name.</summary>
    public Action<LlmCallEvent, ChatResponse?, Exception?>? ConfigureLlmCall { get; set; }

    /// <summary>Called with each <c>tool_call</c> before it is tracked, with the call and (when seen) its result: set <see cref="ToolCallEvent.Action"/>, <see cref="ToolCallEvent.Target"/> or <see cref="ToolCallEvent.Approved"/>, which the middleware cannot know.</summary>
    public Action<ToolCallEvent, FunctionCallContent, FunctionResultContent?>? ConfigureToolCall { get; set; }
}
