namespace AgentOps.Client.Events;

/// <summary>A model call (<c>llm_call</c>).</summary>
public sealed class LlmCallEvent : AgentOpsEvent
{
    /// <summary>Creates an <c>llm_call</c> event.</summary>
    /// <param name="model">The model that answered (required); priced by the server's model table unless <see cref="CostUsd"/> is set.</param>
    public LlmCallEvent(string model)
        : base(EventTypes.LlmCall)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        Model = model;
    }

    /// <summary>The model that answered.</summary>
    public string Model { get; set; }

    /// <summary>Input (prompt) tokens, cached ones included.</summary>
    public long? InputTokens { get; set; }

    /// <summary>Output (completion) tokens.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>Input tokens read from the provider's cache; a part of <see cref="InputTokens"/>, as in OpenTelemetry.</summary>
    public long? CachedInputTokens { get; set; }

    /// <summary>The call's cost in US dollars; when null the server prices it from its model table.</summary>
    public double? CostUsd { get; set; }

    /// <summary>How long the call took, in milliseconds.</summary>
    public double? LatencyMs { get; set; }

    /// <summary><see cref="CallStatus.Ok"/> or <see cref="CallStatus.Error"/> (null: the server assumes ok).</summary>
    public CallStatus? Status { get; set; }

    /// <summary>What went wrong when <see cref="Status"/> is <see cref="CallStatus.Error"/> (for example an exception type).</summary>
    public string? ErrorType { get; set; }

    /// <summary>1 for a first try; above 1 for a retry (null: the server assumes 1).</summary>
    public int? Attempt { get; set; }

    /// <summary>The prompt (optional text, kept in the trajectory only).</summary>
    public string? Input { get; set; }

    /// <summary>The answer (optional text, kept in the trajectory only).</summary>
    public string? Output { get; set; }
}
