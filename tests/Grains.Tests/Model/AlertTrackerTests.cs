using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Rules;

namespace AgentOps.Grains.Tests.Model;

public sealed class AlertTrackerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 30, 0, TimeSpan.Zero);
    private static readonly AlertRule Rule = new() { Id = "retry", Metric = "retryRate", Threshold = 0.2, For = TimeSpan.FromMinutes(10), Channels = ["ops"] };
    private static readonly Judgement Breach = new(true, true, 0.3, 0.2);
    private static readonly Judgement Fine = new(true, false, 0.1, 0.2);
    private readonly AlertTracker _tracker = new();

    private AlertChange? Observe(Judgement judgement, TimeSpan at, AlertRule? rule = null) =>
        _tracker.Observe(rule ?? Rule, judgement, EntityKind.Agent, "a1", Now + at);

    [Fact]
    public void A_breach_held_through_for_goes_pending_then_fires_with_one_alert()
    {
        var opened = Observe(Breach, TimeSpan.Zero)!.Value;
        Assert.Equal(AlertTransition.Opened, opened.Transition);
        Assert.Equal(AlertState.Pending, opened.Alert.State);
        Assert.Null(Observe(Breach, TimeSpan.FromMinutes(5)));
        var fired = Observe(Breach, TimeSpan.FromMinutes(10))!.Value;
        Assert.Equal(AlertTransition.Fired, fired.Transition);
        Assert.Equal(opened.Alert.AlertId, fired.Alert.AlertId);
        Assert.Equal(Now, fired.Alert.StartsAt);
        Assert.Equal(Now.AddMinutes(10), fired.Alert.FiredAt);
        Assert.Equal(["ops"], fired.Alert.Channels);
        Assert.Equal("retry", fired.Alert.Labels["alertname"]);
        Assert.Single(_tracker.Current());
    }

    [Fact]
    public void A_breach_shorter_than_for_never_fires()
    {
        Observe(Breach, TimeSpan.Zero);
        var cancelled = Observe(Fine, TimeSpan.FromMinutes(9))!.Value;
        Assert.Equal(AlertTransition.Cancelled, cancelled.Transition);
        Assert.Null(cancelled.Alert.FiredAt);
        Assert.False(_tracker.HasOpen);
        Assert.Empty(_tracker.Current()); // a pending alert that never fired leaves no trace

        Assert.Equal(AlertTransition.Opened, Observe(Breach, TimeSpan.FromMinutes(10))!.Value.Transition); // a new breach starts over
    }

    [Fact]
    public void A_for_of_zero_fires_on_the_first_breach_and_resolves_when_the_condition_stops()
    {
        var rule = Rule with { For = TimeSpan.Zero };
        var fired = Observe(Breach, TimeSpan.Zero, rule)!.Value;
        Assert.Equal(AlertTransition.Fired, fired.Transition);
        var resolved = Observe(Fine, TimeSpan.FromMinutes(1), rule)!.Value;
        Assert.Equal(AlertTransition.Resolved, resolved.Transition);
        Assert.Equal(Now.AddMinutes(1), resolved.Alert.ResolvedAt);
        Assert.Equal(fired.Alert.AlertId, resolved.Alert.AlertId);
        Assert.True(resolved.Alert.Revision > fired.Alert.Revision);
        Assert.Equal(AlertState.Resolved, Assert.Single(_tracker.Current()).State);
    }

    [Fact]
    public void A_rule_that_cannot_judge_any_more_resolves_its_alert()
    {
        var rule = Rule with { For = TimeSpan.Zero };
        Observe(Breach, TimeSpan.Zero, rule);
        Assert.Equal(AlertTransition.Resolved, Observe(Judgement.NotJudged, TimeSpan.FromMinutes(1), rule)!.Value.Transition);
    }

    [Fact]
    public void A_breach_that_goes_on_updates_the_open_alert_at_most_every_ten_seconds()
    {
        var rule = Rule with { For = TimeSpan.Zero };
        Observe(Breach, TimeSpan.Zero, rule);
        Assert.Null(Observe(Breach with { Value = 0.4 }, TimeSpan.FromSeconds(3), rule));
        var updated = Observe(Breach with { Value = 0.5 }, TimeSpan.FromSeconds(11), rule)!.Value;
        Assert.Equal(AlertTransition.Updated, updated.Transition);
        Assert.Equal(0.5, updated.Alert.Value);
        Assert.Single(_tracker.Current());
    }

    [Fact]
    public void Alerts_of_rules_that_went_away_are_closed()
    {
        Observe(Breach, TimeSpan.Zero, Rule with { For = TimeSpan.Zero });
        Observe(Breach, TimeSpan.Zero, Rule with { Id = "other" });
        var closed = _tracker.CloseAllExcept(new HashSet<string> { "other" }, Now.AddMinutes(1));
        Assert.Equal(AlertTransition.Resolved, Assert.Single(closed).Transition);
        Assert.True(_tracker.HasOpen);
    }

    [Fact]
    public void An_acknowledgement_stays_on_the_open_alert()
    {
        var alert = Observe(Breach, TimeSpan.Zero, Rule with { For = TimeSpan.Zero })!.Value.Alert;
        var acknowledged = _tracker.Acknowledge(alert.AlertId, "ana", "looking", Now.AddMinutes(1));
        Assert.Equal("ana", acknowledged!.AcknowledgedBy);
        Assert.Null(_tracker.Acknowledge("al_missing", "ana", null, Now));
        Assert.Equal("ana", _tracker.Current()[0].AcknowledgedBy);
    }

    [Fact]
    public void A_rule_edited_while_its_alert_fires_leaves_the_alerts_severity_labels_and_fingerprint_as_they_opened()
    {
        var rule = new AlertRule { Id = "errors", Metric = "errorRate", Threshold = 0.1, Severity = AlertSeverity.Warning };
        var fired = _tracker.Observe(rule, Breach, EntityKind.Agent, "a1", Now)!.Value.Alert;
        var edited = rule with { Severity = AlertSeverity.Critical, Labels = new Dictionary<string, string> { ["team"] = "payments" } };
        _tracker.Observe(edited, Breach, EntityKind.Agent, "a1", Now.AddSeconds(5));
        var resolved = _tracker.Observe(edited, Fine, EntityKind.Agent, "a1", Now.AddMinutes(1))!.Value.Alert;

        Assert.Equal((fired.AlertId, AlertSeverity.Warning), (resolved.AlertId, resolved.Severity));
        Assert.Equal(AgentOps.Notifications.AlertmanagerPayload.Fingerprint(fired.Labels), AgentOps.Notifications.AlertmanagerPayload.Fingerprint(resolved.Labels));
        Assert.Equal(AlertSeverity.Critical, _tracker.Observe(edited, Breach, EntityKind.Agent, "a1", Now.AddMinutes(2))!.Value.Alert.Severity);
    }
}
