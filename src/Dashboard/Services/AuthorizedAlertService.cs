using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Dashboard.Security;
using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Dashboard.Services;

/// <summary>
/// Alerts and silences: anyone with a role reads them, operators and admins acknowledge and silence. Who acted is always
/// the signed-in person, whatever the caller passes (an ack is by their name; a silence is made by <c>user:{name}</c>, as
/// the HTTP API's are by <c>key:{keyId}</c>), and each action is audited (<c>alert/{id}</c>, <c>silence/{id}</c>).
/// </summary>
public sealed class AuthorizedAlertService(IAlertService inner, ProjectAccess access, AuditTrail audit) : IAlertService
{
    public Task<IReadOnlyList<AlertView>> ListAsync(string project, AlertState? state, EntityKind? scope = null, string? entityId = null, string? ruleId = null, int limit = 1000)
    {
        access.Demand(project, DashboardAction.View);
        return inner.ListAsync(project, state, scope, entityId, ruleId, limit);
    }

    public Task<AlertView?> FindAsync(string project, string alertId)
    {
        access.Demand(project, DashboardAction.View);
        return inner.FindAsync(project, alertId);
    }

    public async Task<AlertView?> AcknowledgeAsync(string project, string alertId, string by, string? comment)
    {
        access.Demand(project, DashboardAction.Acknowledge);
        var acknowledged = await inner.AcknowledgeAsync(project, alertId, access.User.Name, comment);
        if (acknowledged is not null)
        {
            var detail = $"{acknowledged.RuleId} on {acknowledged.Scope.ToWire()} {acknowledged.EntityId}" + (comment is null ? string.Empty : $": {comment}");
            await audit.RecordAsync(project, AuditActions.AlertAck, $"alert/{alertId}", detail);
        }

        return acknowledged;
    }

    public async Task<Silence> AddSilenceAsync(string project, Silence silence)
    {
        access.Demand(project, DashboardAction.Silence);
        var added = await inner.AddSilenceAsync(project, silence with { CreatedBy = access.User.Actor });
        var matchers = $"rule={added.RuleId ?? "any"} scope={added.Scope?.ToWire() ?? "any"} entity={added.EntityId ?? "any"}";
        await audit.RecordAsync(project, AuditActions.SilenceCreate, $"silence/{added.Id}", $"{matchers} until {added.EndsAt:u}: {added.Comment}");
        return added;
    }

    public Task<IReadOnlyList<Silence>> ListSilencesAsync(string project)
    {
        access.Demand(project, DashboardAction.View);
        return inner.ListSilencesAsync(project);
    }

    public async Task<bool> ExpireSilenceAsync(string project, string silenceId)
    {
        access.Demand(project, DashboardAction.Silence);
        var expired = await inner.ExpireSilenceAsync(project, silenceId);
        if (expired)
        {
            await audit.RecordAsync(project, AuditActions.SilenceDelete, $"silence/{silenceId}", "ended now");
        }

        return expired;
    }

    public IAsyncDisposable Subscribe(string project, Action<AlertView> onChanged, Action onResynced)
    {
        access.Demand(project, DashboardAction.View);
        return inner.Subscribe(project, onChanged, onResynced);
    }
}
