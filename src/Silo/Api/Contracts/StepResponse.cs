using System.Text.Json.Serialization;
using AgentOps.Events;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>One step of a trajectory: the event's fields under their API names; fields that do not apply are omitted.</summary>
public sealed record StepResponse
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RouteId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? UserId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AgentVersion { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Model { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? InputTokens { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? OutputTokens { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? CachedInputTokens { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CostUsd { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Unpriced { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? LatencyMs { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ErrorType { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Attempt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Tool { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Action { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Target { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Approved { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Rubric { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Score { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Passed { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Evaluator { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Outcome { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Violations { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Input { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Output { get; init; }

    public static StepResponse From(AgentEvent e)
    {
        var step = new StepResponse
        {
            Id = e.Id,
            Type = e.Type.ToWire(),
            Timestamp = e.Timestamp,
            RouteId = e.RouteId,
            UserId = e.UserId,
            AgentVersion = e.AgentVersion,
            Attributes = e.Attributes,
            Input = e.Input,
            Output = e.Output,
        };
        return e.Type switch
        {
            EventType.LlmCall => step with
            {
                Model = e.Model,
                InputTokens = e.InputTokens,
                OutputTokens = e.OutputTokens,
                CachedInputTokens = e.CachedInputTokens,
                CostUsd = Money.ToUsd(e.CostNanos),
                Unpriced = e.Unpriced ? true : null,
                LatencyMs = e.LatencyMs,
                Status = e.Status.ToWire(),
                ErrorType = e.ErrorType,
                Attempt = e.Attempt,
            },
            EventType.ToolCall => step with
            {
                Tool = e.Tool,
                Action = e.Action.ToWire(),
                Target = e.Target,
                Approved = e.Approved,
                LatencyMs = e.LatencyMs,
                Status = e.Status.ToWire(),
                ErrorType = e.ErrorType,
                Attempt = e.Attempt,
                CostUsd = e.CostNanos == 0 ? null : Money.ToUsd(e.CostNanos),
                Violations = e.Violations,
            },
            EventType.Eval => step with
            {
                Rubric = e.Rubric,
                Score = e.Score,
                Passed = e.Passed,
                Evaluator = e.Evaluator,
            },
            EventType.RunFinished => step with { Outcome = e.Outcome.ToWire() },
            _ => step,
        };
    }
}
