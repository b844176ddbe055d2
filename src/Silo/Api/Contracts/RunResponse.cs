using AgentOps.Events;
using AgentOps.Runs;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>A run with its totals and, when kept, its steps (<c>GET /v1/runs/{runId}</c>).</summary>
public sealed record RunResponse(
    string RunId,
    string AgentId,
    string? RouteId,
    string? UserId,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double CostUsd,
    long InputTokens,
    long OutputTokens,
    long CachedInputTokens,
    long LlmCalls,
    long ToolCalls,
    long Retries,
    long Errors,
    long Violations,
    IReadOnlyList<StepResponse>? Steps,
    string? StepsDropped)
{
    public static RunResponse From(RunSummary s, IReadOnlyList<AgentEvent>? steps, string? stepsDropped) => new(
        s.RunId, s.AgentId, s.RouteId, s.UserId, s.Status.ToWire(), s.StartedAt, s.FinishedAt, s.CostUsd,
        s.InputTokens, s.OutputTokens, s.CachedInputTokens, s.LlmCalls, s.ToolCalls, s.Retries, s.Errors, s.Violations,
        steps?.Select(StepResponse.From).ToList(), stepsDropped);
}

/// <summary>A run without its steps (<c>GET /v1/agents/{id}/runs</c>).</summary>
public sealed record RunSummaryResponse(
    string RunId,
    string AgentId,
    string? RouteId,
    string? UserId,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double CostUsd,
    long InputTokens,
    long OutputTokens,
    long ToolCalls,
    long Violations)
{
    public static RunSummaryResponse From(RunSummary s) => new(
        s.RunId, s.AgentId, s.RouteId, s.UserId, s.Status.ToWire(), s.StartedAt, s.FinishedAt, s.CostUsd,
        s.InputTokens, s.OutputTokens, s.ToolCalls, s.Violations);
}

/// <summary>A list of runs.</summary>
public sealed record RunListResponse(IReadOnlyList<RunSummaryResponse> Items);
