namespace AgentOps.Events;

/// <summary>The kind of an agent event (API.md "Event").</summary>
[GenerateSerializer]
public enum EventType : byte
{
    /// <summary>A run began.</summary>
    RunStarted,
    /// <summary>A call to a language model.</summary>
    LlmCall,
    /// <summary>A call to a tool.</summary>
    ToolCall,
    /// <summary>An evaluation score of the run.</summary>
    Eval,
    /// <summary>A run ended with an outcome.</summary>
    RunFinished,
}
