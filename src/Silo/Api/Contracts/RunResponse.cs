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
    string? StepsDropped,
    SamplingResponse Sampling)
{
    public static RunResponse From(RunTrajectory run)
    {
        var s = run.Summary;
        return new(
            s.RunId, s.AgentId, s.RouteId, s.UserId, s.Status.ToWire(), s.StartedAt, s.FinishedAt, s.CostUsd,
            s.InputTokens, s.OutputTokens, s.CachedInputTokens, s.LlmCalls, s.ToolCalls, s.Retries, s.Errors, s.Violations,
            run.Steps?.Select(StepResponse.From).ToList(), run.StepsDropped, SamplingResponse.From(run));
    }
}

/// <summary>
/// Where tail-based sampling stands for a run: <c>pending</c> (open, steps gathering), <c>kept</c> (with the reason:
/// failed, violation, alert, retries, expensive, sampled, open), <c>dropped</c> (totals only) or <c>expired</c>.
/// </summary>
public sealed record SamplingResponse(string State, string? Reason)
{
    public static SamplingResponse From(RunTrajectory run) => run switch
    {
        { Pending: true } => new("pending", null),
        { StepsDropped: StepsDropped.Expired } => new("expired", run.SamplingReason),
        { Steps: null } => new("dropped", run.SamplingReason),
        _ => new("kept", run.SamplingReason),
    };
}

/// <summary>A run without its steps (<c>GET /v1/agents/{agentId}/runs</c>).</summary>
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
