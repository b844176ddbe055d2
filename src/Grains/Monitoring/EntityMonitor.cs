using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Runs;
using AgentOps.Windows;

namespace AgentOps.Monitoring;

/// <summary>
/// The live state of one agent, route or user: rolling windows of call-level and run-level figures plus the
/// ledger of recent runs that keeps run-level figures exact. Plain C#: time is passed in.
/// </summary>
[GenerateSerializer]
public sealed class EntityMonitor
{
    [Id(0)] private readonly RollingWindows _windows = new();
    [Id(1)] private readonly RunLedger _runs = new();
    [Id(2)] private DateTimeOffset? _lastEventAt;

    /// <summary>The latest event timestamp seen; null before the first event.</summary>
    public DateTimeOffset? LastEventAt => _lastEventAt;

    /// <summary>The rolling windows (read access for rules and baselines).</summary>
    public RollingWindows Windows => _windows;

    /// <summary>The recent runs.</summary>
    public RunLedger Runs => _runs;

    /// <summary>Counts one event. A timestamp ahead of <paramref name="now"/> (clock skew) is counted now.</summary>
    public void Apply(AgentEvent e, DateTimeOffset now)
    {
        var bucketTime = e.Timestamp <= now ? e.Timestamp : now;
        if (_lastEventAt is null || e.Timestamp > _lastEventAt)
        {
            _lastEventAt = e.Timestamp;
        }

        // A run is started once, however many run_started events it gets: an OpenTelemetry trace whose nested agent span
        // was exported before its parent's, or a sender that retried with a new event id.
        var startsRun = e.Type != EventType.RunStarted || _runs.Find(e.RunId)?.StartedAt is null;
        _windows.AddEvent(e, bucketTime, now, startsRun);
        var (before, after) = _runs.Apply(e, bucketTime, now);
        if (before == after)
        {
            return;
        }

        if (before is { } old)
        {
            _windows.AddRun(old, -1, now);
        }

        if (after is { } current)
        {
            _windows.AddRun(current, +1, now);
        }
    }

    /// <summary>The live state over <paramref name="window"/> ending at <paramref name="now"/>.</summary>
    public EntitySnapshot Snapshot(string id, EntityKind kind, TimeSpan window, DateTimeOffset now) => new()
    {
        Id = id,
        Kind = kind,
        Window = window,
        LastEventAt = _lastEventAt,
        Metrics = _windows.Sum(window, now).ToView(),
        ByModel = _windows.SumModels(window, now).ToDictionary(
            m => m.Key,
            m => new ModelUsageView(m.Value.Calls, m.Value.InputTokens, m.Value.OutputTokens, m.Value.CachedInputTokens, Money.ToUsd(m.Value.CostNanos)),
            StringComparer.Ordinal),
        ByTool = _windows.SumTools(window, now).ToDictionary(
            t => t.Key,
            t => new ToolUsageView(t.Value.Calls, t.Value.Errors, t.Value.Retries),
            StringComparer.Ordinal),
    };
}
