using AgentOps.Audit;
using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Security;
using AgentOps.Events;
using AgentOps.Rules;

namespace AgentOps.Dashboard.Services;

/// <summary>Alert rules: anyone with a role reads them, admins create, change and delete them (audited as <c>rule/{id}</c>).</summary>
public sealed class AuthorizedRuleService(IRuleService inner, ProjectAccess access, AuditTrail audit) : IRuleService
{
    public Task<RuleBook> GetAsync(string project)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetAsync(project);
    }

    public Task<IReadOnlyList<string>> ListChannelsAsync(string project)
    {
        access.Demand(project, DashboardAction.View);
        return inner.ListChannelsAsync(project);
    }

    public async Task<RuleSaveResult> SaveAsync(string project, string ruleId, RuleDocument document)
    {
        access.Demand(project, DashboardAction.EditRules);
        var result = await inner.SaveAsync(project, ruleId, document);
        if (result.Rule is { } rule)
        {
            await audit.RecordAsync(project, AuditActions.RulePut, $"rule/{ruleId}",
                $"{rule.Severity.Name()} {rule.Scope.ToWire()} {rule.Match}: {RuleText.Condition(rule)}");
        }

        return result;
    }

    public async Task<bool> DeleteAsync(string project, string ruleId)
    {
        access.Demand(project, DashboardAction.EditRules);
        var deleted = await inner.DeleteAsync(project, ruleId);
        if (deleted)
        {
            await audit.RecordAsync(project, AuditActions.RuleDelete, $"rule/{ruleId}");
        }

        return deleted;
    }
}
