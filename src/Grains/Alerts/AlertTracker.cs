using System.Security.Cryptography;
using AgentOps.Entities;
using AgentOps.Rules;

namespace AgentOps.Alerts;

/// <summary>
/// The alert lifecycle of one entity: per rule at most one open alert, which goes pending (condition holds,
/// <c>for</c> not yet elapsed) -> firing -> resolved; a pending alert whose condition stops holding is cancelled and
/// never notified. Keeps the last <see cref="ResolvedKept"/> resolved alerts for the entity's own view.
/// </summary>
[GenerateSerializer]
public sealed class AlertTracker
{
    public const int ResolvedKept = 20;

    /// <summary>How often an open alert whose figures keep moving is re-reported.</summary>
    public static readonly TimeSpan UpdateReportInterval = TimeSpan.FromSeconds(10);

    [Id(0)] private readonly Dictionary<string, AlertView> _open = new(StringComparer.Ordinal);
    [Id(1)] private readonly Queue<AlertView> _resolved = new();
    [Id(2)] private long _revision;
    [NonSerialized] private Dictionary<string, DateTimeOffset>? _lastReported;

    /// <summary>When each open alert was last reported (not persisted: after a restart the next change reports).</summary>
    private Dictionary<string, DateTimeOffset> LastReported => _lastReported ??= new(StringComparer.Ordinal);

    /// <summary>True while some alert is pending or firing.</summary>
    public bool HasOpen => _open.Count > 0;

    /// <summary>Open alerts first (newest first), then the resolved ones.</summary>
    public IReadOnlyList<AlertView> Current() =>
        [.. _open.Values.OrderByDescending(a => a.StartsAt), .. _resolved.Reverse()];

    /// <summary>Applies a judgement of <paramref name="rule"/>; answers a change worth reporting, if any.</summary>
    public AlertChange? Observe(AlertRule rule, Judgement judgement, EntityKind scope, string entityId, DateTimeOffset now)
    {
        _open.TryGetValue(rule.Id, out var open);
        if (!judgement.Breached)
        {
            return open is null ? null : Close(open, now);
        }

        var summary = AlertSummary.Describe(rule, judgement, scope, entityId);
        if (open is null)
        {
            var fired = rule.For <= TimeSpan.Zero;
            var alert = new AlertView
            {
                AlertId = NewId(),
                RuleId = rule.Id,
                Metric = rule.Metric,
                Scope = scope,
                EntityId = entityId,
                State = fired ? AlertState.Firing : AlertState.Pending,
                Severity = rule.Severity,
                Value = judgement.Value,
                Threshold = judgement.Threshold,
                StartsAt = now,
                FiredAt = fired ? now : null,
                Summary = summary,
                Labels = Labels(rule, scope, entityId),
                Channels = rule.Channels,
                Revision = ++_revision,
            };
            return Keep(alert, fired ? AlertTransition.Fired : AlertTransition.Opened, now);
        }

        // Severity and labels stay as the alert opened: they are its identity to receivers (Alertmanager's fingerprint),
        // so a rule edited while it fires must not turn its resolve into another alert's. The edit applies to the next one.
        var updated = open with
        {
            Value = judgement.Value,
            Threshold = judgement.Threshold,
            Summary = summary,
            Channels = rule.Channels,
        };
        if (open.State == AlertState.Pending && now - open.StartsAt >= rule.For)
        {
            return Keep(updated with { State = AlertState.Firing, FiredAt = now, Revision = ++_revision }, AlertTransition.Fired, now);
        }

        var moved = updated.Value != open.Value || updated.Threshold != open.Threshold;
        if (moved && now - LastReported.GetValueOrDefault(rule.Id) >= UpdateReportInterval)
        {
            return Keep(updated with { Revision = ++_revision }, AlertTransition.Updated, now);
        }

        _open[rule.Id] = updated;
        return null;
    }

    /// <summary>Closes the open alerts of rules that were removed or no longer match this entity.</summary>
    public IReadOnlyList<AlertChange> CloseAllExcept(IReadOnlySet<string> ruleIds, DateTimeOffset now) =>
        _open.Values.Where(a => !ruleIds.Contains(a.RuleId)).ToList().Select(a => Close(a, now)).ToList();

    /// <summary>Records an acknowledgement of one of this entity's alerts.</summary>
    public AlertView? Acknowledge(string alertId, string by, string? comment, DateTimeOffset now)
    {
        var open = _open.Values.FirstOrDefault(a => a.AlertId == alertId);
        if (open is null)
        {
            return null;
        }

        var acknowledged = open with { AcknowledgedBy = by, AckComment = comment, AcknowledgedAt = now, Revision = ++_revision };
        _open[open.RuleId] = acknowledged;
        return acknowledged;
    }

    private AlertChange Close(AlertView open, DateTimeOffset now)
    {
        _open.Remove(open.RuleId);
        LastReported.Remove(open.RuleId);
        var closed = open with { State = AlertState.Resolved, ResolvedAt = now, Revision = ++_revision };
        if (open.State == AlertState.Pending)
        {
            return new AlertChange(closed, AlertTransition.Cancelled);
        }

        _resolved.Enqueue(closed);
        while (_resolved.Count > ResolvedKept)
        {
            _resolved.Dequeue();
        }

        return new AlertChange(closed, AlertTransition.Resolved);
    }

    private AlertChange Keep(AlertView alert, AlertTransition transition, DateTimeOffset now)
    {
        _open[alert.RuleId] = alert;
        LastReported[alert.RuleId] = now;
        return new AlertChange(alert, transition);
    }

    private static Dictionary<string, string> Labels(AlertRule rule, EntityKind scope, string entityId)
    {
        var labels = new Dictionary<string, string>(rule.Labels, StringComparer.Ordinal)
        {
            ["alertname"] = rule.Id,
            ["ruleId"] = rule.Id,
            ["scope"] = scope.ToString().ToLowerInvariant(),
            ["entityId"] = entityId,
            ["severity"] = rule.Severity.ToString().ToLowerInvariant(),
            ["metric"] = rule.Metric,
        };
        return labels;
    }

    private static string NewId() => "al_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
