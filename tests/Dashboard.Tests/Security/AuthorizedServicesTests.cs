using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Services;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using AgentOps.Policy;
using AgentOps.Rules;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Dashboard.Tests.Security;

/// <summary>
/// The services are the enforcement point (the Orleans client is trusted): whatever a page offers, a call the role does
/// not allow is refused before it reaches a grain, and each allowed change is audited as the signed-in person.
/// </summary>
public sealed class AuthorizedServicesTests
{
    private readonly TestUser _user = new();
    private readonly FakeAuditLog _audit = new();
    private readonly FakeLogger<AuditTrail> _log = new();
    private readonly FakeAlertService _alerts = new();
    private readonly FakeRuleService _rules = new();
    private readonly FakePolicyService _policies = new();

    public AuthorizedServicesTests() => _alerts.Alerts.Add(Data.Alert("al_mig", "tool-outside-allowlist", "data-migrator", AlertSeverity.Critical));

    private ProjectAccess Access => new(_user);

    private AuditTrail Trail => new(_audit, _user, new FakeTimeProvider(Data.Now), _log);

    private AuthorizedAlertService Alerts => new(_alerts, Access, Trail);

    private AuthorizedRuleService Rules => new(_rules, Access, Trail);

    private AuthorizedPolicyService Policies => new(_policies, Access, Trail);

    [Fact]
    public async Task A_viewer_reads_but_cannot_acknowledge_or_silence()
    {
        _user.Set("victor", ("default", ProjectRole.Viewer));

        Assert.Single(await Alerts.ListAsync("default", AlertState.Firing));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Alerts.AcknowledgeAsync("default", "al_mig", "victor", null));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Alerts.AddSilenceAsync("default", Silence()));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Alerts.ExpireSilenceAsync("default", "si_1"));

        Assert.Empty(_alerts.Acknowledged);
        Assert.Empty(_alerts.Silences);
        Assert.Empty(_audit.Recorded);
    }

    [Fact]
    public async Task Nothing_of_another_project_is_read_or_pushed()
    {
        _user.Set("olivia", ("default", ProjectRole.Admin));
        var fleet = new AuthorizedFleetService(new FakeFleetService(), Access);
        var entities = new AuthorizedEntityService(new FakeEntityService(), Access);
        var runs = new AuthorizedRunService(new FakeRunService(), Access);

        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => fleet.GetAsync("fleet10k", EntityKind.Agent));
        Assert.Throws<ProjectAccessDeniedException>(() => fleet.Subscribe("fleet10k", _ => { }, () => { }));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => entities.GetSnapshotAsync("fleet10k", EntityKind.Agent, "agent-00001", TimeSpan.FromHours(1)));
        Assert.Throws<ProjectAccessDeniedException>(() => entities.Subscribe("fleet10k", EntityKind.Agent, "agent-00001", () => { }, () => { }));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => runs.GetRunAsync("fleet10k", "run-1"));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Alerts.FindAsync("fleet10k", "al_mig"));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Rules.GetAsync("fleet10k"));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Policies.GetAsync("fleet10k", "a"));
        Assert.Empty(await fleet.GetAsync("default", EntityKind.Agent));
    }

    [Fact]
    public async Task An_operator_acknowledges_as_themselves_and_the_ack_is_audited()
    {
        _user.Set("olivia", ("default", ProjectRole.Operator));

        var acknowledged = await Alerts.AcknowledgeAsync("default", "al_mig", by: "someone-else", "on it");

        Assert.Equal("olivia", acknowledged!.AcknowledgedBy); // who acted is the signed-in person, not what the caller said
        var (project, entry) = Assert.Single(_audit.Recorded);
        Assert.Equal("default", project);
        Assert.Equal(new AuditEntry { At = Data.Now, Actor = "user:olivia", Action = AuditActions.AlertAck, Target = "alert/al_mig", Detail = "tool-outside-allowlist on agent data-migrator: on it" }, entry);
    }

    [Fact]
    public async Task An_operator_creates_and_ends_silences_as_themselves_and_both_are_audited()
    {
        _user.Set("olivia", ("default", ProjectRole.Operator));

        var added = await Alerts.AddSilenceAsync("default", Silence() with { CreatedBy = "forged" });
        Assert.True(await Alerts.ExpireSilenceAsync("default", added.Id));
        Assert.False(await Alerts.ExpireSilenceAsync("default", "si_unknown"));

        Assert.Equal("user:olivia", added.CreatedBy);
        Assert.Equal(
            [(AuditActions.SilenceCreate, $"silence/{added.Id}"), (AuditActions.SilenceDelete, $"silence/{added.Id}")],
            _audit.Recorded.Select(r => (r.Entry.Action, r.Entry.Target)));
        Assert.All(_audit.Recorded, r => Assert.Equal("user:olivia", r.Entry.Actor));
        Assert.Contains("rule=tool-outside-allowlist scope=agent entity=data-migrator", _audit.Recorded[0].Entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_change_rules_and_policies_and_each_change_is_audited()
    {
        _user.Set("olivia", ("default", ProjectRole.Operator));
        var rule = new RuleDocument { Scope = "agent", Match = "*", Metric = "errorRate", Window = "10m", Op = ">", Threshold = 0.2, For = "0s", Severity = "warning" };
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Rules.SaveAsync("default", "errors", rule));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Rules.DeleteAsync("default", "tool-outside-allowlist"));
        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => Policies.SaveAsync("default", "data-migrator", new PolicyDocument { Paused = true }));
        Assert.Empty(_rules.Saved);
        Assert.Empty(_policies.Saved);

        _user.Set("ana", ("default", ProjectRole.Admin));
        Assert.True((await Rules.SaveAsync("default", "errors", rule)).Saved);
        Assert.True(await Rules.DeleteAsync("default", "tool-outside-allowlist"));
        Assert.Empty(await Policies.SaveAsync("default", "data-migrator", new PolicyDocument { WriteTargets = ["db:staging.*"] }));
        Assert.NotEmpty(await Policies.SaveAsync("default", "data-migrator", new PolicyDocument { MaxCostPerRunUsd = -1 })); // invalid: not saved, not audited

        Assert.Equal(
            [(AuditActions.RulePut, "rule/errors"), (AuditActions.RuleDelete, "rule/tool-outside-allowlist"), (AuditActions.PolicyPut, "policy/data-migrator")],
            _audit.Recorded.Select(r => (r.Entry.Action, r.Entry.Target)));
        Assert.All(_audit.Recorded, r => Assert.Equal("user:ana", r.Entry.Actor));
        Assert.Contains("errorRate over 10m > 20%", _audit.Recorded[0].Entry.Detail, StringComparison.Ordinal);
        Assert.Equal("writeTargets [db:staging.*]", _audit.Recorded[2].Entry.Detail);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        _user.Set("olivia", ("default", ProjectRole.Operator), ("staging", ProjectRole.Admin));
        var audit = new AuditService(_audit, Access);

        await Assert.ThrowsAsync<ProjectAccessDeniedException>(() => audit.QueryAsync("default", new AuditQuery()));
        Assert.Empty(await audit.QueryAsync("staging", new AuditQuery()));
    }

    [Fact]
    public async Task An_audit_log_that_cannot_be_written_is_logged_as_an_error_and_the_action_stands()
    {
        _user.Set("olivia", ("default", ProjectRole.Operator));
        _audit.Failure = new TimeoutException("audit store down");

        var acknowledged = await Alerts.AcknowledgeAsync("default", "al_mig", "olivia", null);

        Assert.NotNull(acknowledged);
        var error = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, error.Level);
        Assert.Contains("user:olivia alert.ack alert/al_mig", error.Message, StringComparison.Ordinal);
    }

    private static Silence Silence() => new()
    {
        Id = string.Empty,
        RuleId = "tool-outside-allowlist",
        Scope = EntityKind.Agent,
        EntityId = "data-migrator",
        StartsAt = Data.Now,
        EndsAt = Data.Now.AddHours(1),
        Comment = "migration window",
    };
}
