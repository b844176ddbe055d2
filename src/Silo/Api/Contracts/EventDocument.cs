namespace AgentOps.Silo.Api.Contracts;

/// <summary>The request body of <c>POST /v1/events</c>, for the OpenAPI document (the endpoint reads the body itself).</summary>
public sealed record IngestRequestDocument(IReadOnlyList<EventDocument> Events);

/// <summary>One event as API.md "Event" defines it.</summary>
public sealed record EventDocument
{
    public required string Id { get; init; }
    /// <summary>run_started, llm_call, tool_call, eval or run_finished.</summary>
    public required string Type { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public required string AgentId { get; init; }
    public required string RunId { get; init; }
    public string? RouteId { get; init; }
    public string? UserId { get; init; }
    public string? AgentVersion { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    public string? Model { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public long? CachedInputTokens { get; init; }
    public double? CostUsd { get; init; }
    public double? LatencyMs { get; init; }
    /// <summary>ok, error, or (tool_call) denied.</summary>
    public string? Status { get; init; }
    public string? ErrorType { get; init; }
    public int? Attempt { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Tool { get; init; }
    /// <summary>read, write, execute or other.</summary>
    public string? Action { get; init; }
    public string? Target { get; init; }
    public bool? Approved { get; init; }
    public string? Rubric { get; init; }
    public double? Score { get; init; }
    public bool? Passed { get; init; }
    public string? Evaluator { get; init; }
    /// <summary>success, failure or abandoned.</summary>
    public string? Outcome { get; init; }
}
