using AgentOps.Alerts;
using AgentOps.Events;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>An alert as API.md "Alerts" shows it.</summary>
public sealed record AlertResponse(
    string AlertId,
    string RuleId,
    string Scope,
    string EntityId,
    string State,
    string Severity,
    double Value,
    double Threshold,
    DateTimeOffset StartsAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    string? AcknowledgedBy,
    string Summary,
    IReadOnlyDictionary<string, string> Labels,
    string Metric,
    DateTimeOffset? AcknowledgedAt,
    string? AckComment)
{
    public static AlertResponse From(AlertView a) => new(
        a.AlertId, a.RuleId, a.Scope.ToWire(), a.EntityId, a.State.ToString().ToLowerInvariant(), a.Severity.ToString().ToLowerInvariant(),
        a.Value, a.Threshold, a.StartsAt, a.FiredAt, a.ResolvedAt, a.AcknowledgedBy, a.Summary, a.Labels, a.Metric, a.AcknowledgedAt, a.AckComment);
}

/// <summary>A list of alerts.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Items);

/// <summary>The body of <c>POST /v1/alerts/{alertId}/ack</c>.</summary>
public sealed record AckRequest(string? By, string? Comment);
