namespace AgentOps.Silo.Ingest;

/// <summary>
/// One event as read from JSON, before validation: every field optional and loosely typed, so that a wrong
/// type becomes an error of this item rather than of the whole batch.
/// </summary>
public sealed class EventDraft
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Timestamp { get; set; }
    public string? AgentId { get; set; }
    public string? RunId { get; set; }
    public string? RouteId { get; set; }
    public string? UserId { get; set; }
    public string? AgentVersion { get; set; }
    public Dictionary<string, string>? Attributes { get; set; }
    public string? Model { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public long? CachedInputTokens { get; set; }
    public double? CostUsd { get; set; }
    public double? LatencyMs { get; set; }
    public string? Status { get; set; }
    public string? ErrorType { get; set; }
    public long? Attempt { get; set; }
    public string? Input { get; set; }
    public string? Output { get; set; }
    public string? Tool { get; set; }
    public string? Action { get; set; }
    public string? Target { get; set; }
    public bool? Approved { get; set; }
    public string? Rubric { get; set; }
    public double? Score { get; set; }
    public bool? Passed { get; set; }
    public string? Evaluator { get; set; }
    public string? Outcome { get; set; }

    /// <summary>The first problem met while reading (a wrong JSON type); validation reports it.</summary>
    public (string Field, string Code, string Message)? ReadError { get; set; }
}
