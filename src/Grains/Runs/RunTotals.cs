using AgentOps.Events;
using AgentOps.Windows;

namespace AgentOps.Runs;

/// <summary>
/// The totals of one run over all the events seen of it, in whatever order they arrive. When several
/// <c>run_finished</c> events arrive, the latest by timestamp decides the outcome.
/// </summary>
[GenerateSerializer]
public sealed class RunTotals
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string AgentId { get; init; }
    [Id(2)] public string? RouteId { get; private set; }
    [Id(3)] public string? UserId { get; private set; }
    [Id(4)] public DateTimeOffset? StartedAt { get; private set; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; private set; }
    [Id(6)] public DateTimeOffset FinishBucketTime { get; private set; }
    [Id(7)] public RunOutcome? Outcome { get; private set; }
    [Id(8)] public DateTimeOffset FirstEventAt { get; private set; } = DateTimeOffset.MaxValue;
    [Id(9)] public long CostNanos { get; private set; }
    [Id(10)] public long InputTokens { get; private set; }
    [Id(11)] public long OutputTokens { get; private set; }
    [Id(12)] public long CachedInputTokens { get; private set; }
    [Id(13)] public int LlmCalls { get; private set; }
    [Id(14)] public int ToolCalls { get; private set; }
    [Id(15)] public int Retries { get; private set; }
    [Id(16)] public int Errors { get; private set; }
    [Id(17)] public int Violations { get; private set; }
    /// <summary>Wall-clock ticks of the last change, for eviction.</summary>
    [Id(18)] public long LastTouchedTicks { get; set; }

    /// <summary>The run's contribution to run-level counters; null while it has not finished.</summary>
    public RunContribution? Contribution =>
        Outcome is { } outcome ? new RunContribution(FinishBucketTime, outcome, CostNanos, ToolCalls) : null;

    /// <summary>Where the run stands.</summary>
    public RunStatus Status => Outcome switch
    {
        RunOutcome.Success => RunStatus.Success,
        RunOutcome.Failure => RunStatus.Failure,
        RunOutcome.Abandoned => RunStatus.Abandoned,
        _ => RunStatus.Running,
    };

    /// <summary>The time the run is ordered by in listings: its start, else its first event.</summary>
    public DateTimeOffset SortTime => StartedAt ?? FirstEventAt;

    /// <summary>Adds one event of this run; <paramref name="bucketTime"/> is its timestamp clamped to the time received.</summary>
    public void Apply(AgentEvent e, DateTimeOffset bucketTime)
    {
        RouteId ??= e.RouteId;
        UserId ??= e.UserId;
        if (e.Timestamp < FirstEventAt)
        {
            FirstEventAt = e.Timestamp;
        }

        CostNanos += e.CostNanos;
        Retries += e.IsRetry ? 1 : 0;
        Errors += e.IsError ? 1 : 0;
        switch (e.Type)
        {
            case EventType.RunStarted:
                if (StartedAt is null || e.Timestamp < StartedAt)
                {
                    StartedAt = e.Timestamp;
                }

                break;
            case EventType.LlmCall:
                LlmCalls++;
                InputTokens += e.InputTokens;
                OutputTokens += e.OutputTokens;
                CachedInputTokens += e.CachedInputTokens;
                break;
            case EventType.ToolCall:
                ToolCalls++;
                Violations += e.IsViolation ? 1 : 0;
                break;
            case EventType.RunFinished:
                if (FinishedAt is null || e.Timestamp >= FinishedAt)
                {
                    FinishedAt = e.Timestamp;
                    FinishBucketTime = bucketTime;
                    Outcome = e.Outcome;
                }

                break;
        }
    }

    /// <summary>
    /// The totals of a stored run, to go on from when it gets more events: its outcome and finish as stored (a later
    /// run_finished still wins by timestamp). Its first event's time is its start as stored (the earliest event when no
    /// <c>run_started</c> came).
    /// </summary>
    public static RunTotals Resume(RunSummary stored) => new()
    {
        RunId = stored.RunId,
        AgentId = stored.AgentId,
        RouteId = stored.RouteId,
        UserId = stored.UserId,
        StartedAt = stored.StartedAt,
        FinishedAt = stored.FinishedAt,
        FinishBucketTime = stored.FinishedAt ?? default,
        Outcome = stored.Status switch
        {
            RunStatus.Success => RunOutcome.Success,
            RunStatus.Failure => RunOutcome.Failure,
            RunStatus.Abandoned => RunOutcome.Abandoned,
            _ => null,
        },
        FirstEventAt = stored.StartedAt ?? DateTimeOffset.MaxValue,
        CostNanos = Money.ToNanos(stored.CostUsd),
        InputTokens = stored.InputTokens,
        OutputTokens = stored.OutputTokens,
        CachedInputTokens = stored.CachedInputTokens,
        LlmCalls = (int)stored.LlmCalls,
        ToolCalls = (int)stored.ToolCalls,
        Retries = (int)stored.Retries,
        Errors = (int)stored.Errors,
        Violations = (int)stored.Violations,
    };

    /// <summary>The API view of the run without its steps.</summary>
    public RunSummary ToSummary() => new()
    {
        RunId = RunId,
        AgentId = AgentId,
        RouteId = RouteId,
        UserId = UserId,
        Status = Status,
        StartedAt = StartedAt ?? (FirstEventAt == DateTimeOffset.MaxValue ? null : FirstEventAt),
        FinishedAt = FinishedAt,
        CostUsd = Money.ToUsd(CostNanos),
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
        CachedInputTokens = CachedInputTokens,
        LlmCalls = LlmCalls,
        ToolCalls = ToolCalls,
        Violations = Violations,
        Retries = Retries,
        Errors = Errors,
    };
}
