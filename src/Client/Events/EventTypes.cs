namespace AgentOps.Client.Events;

/// <summary>The wire names of the five event types (API.md "Event", field <c>type</c>).</summary>
public static class EventTypes
{
    /// <summary>A run began.</summary>
    public const string RunStarted = "run_started";

    /// <summary>A model call.</summary>
    public const string LlmCall = "llm_call";

    /// <summary>A tool call.</summary>
    public const string ToolCall = "tool_call";

    /// <summary>An evaluation score.</summary>
    public const string Eval = "eval";

    /// <summary>A run ended.</summary>
    public const string RunFinished = "run_finished";
}
