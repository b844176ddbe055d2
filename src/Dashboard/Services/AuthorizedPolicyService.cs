using AgentOps.Audit;
using AgentOps.Dashboard.Security;
using AgentOps.Policy;

namespace AgentOps.Dashboard.Services;

/// <summary>Autonomy policies: anyone with a role reads them, admins set them (audited as <c>policy/{agentId}</c>).</summary>
public sealed class AuthorizedPolicyService(IPolicyService inner, ProjectAccess access, AuditTrail audit) : IPolicyService
{
    public Task<AutonomyPolicy?> GetAsync(string project, string agentId)
    {
        access.Demand(project, DashboardAction.View);
        return inner.GetAsync(project, agentId);
    }

    public async Task<IReadOnlyList<FieldError>> SaveAsync(string project, string agentId, PolicyDocument document)
    {
        access.Demand(project, DashboardAction.EditPolicies);
        var errors = await inner.SaveAsync(project, agentId, document);
        if (errors.Count == 0)
        {
            await audit.RecordAsync(project, AuditActions.PolicyPut, $"policy/{agentId}", Describe(document));
        }

        return errors;
    }

    private static string Describe(PolicyDocument d)
    {
        var parts = new List<string>();
        if (d.AutonomyTier is { } tier)
        {
            parts.Add($"tier {tier}");
        }

        if (d.Paused == true)
        {
            parts.Add("paused");
        }

        if (d.AllowedTools is { } allowed)
        {
            parts.Add($"allowedTools [{string.Join(", ", allowed)}]");
        }

        if (d.DeniedTools is { } denied)
        {
            parts.Add($"deniedTools [{string.Join(", ", denied)}]");
        }

        if (d.WriteTargets is { } targets)
        {
            parts.Add($"writeTargets [{string.Join(", ", targets)}]");
        }

        if (d.MaxCostPerRunUsd is { } perRun)
        {
            parts.Add($"maxCostPerRunUsd {perRun.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (d.MaxDailyCostUsd is { } perDay)
        {
            parts.Add($"maxDailyCostUsd {perDay.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? "empty policy" : string.Join("; ", parts);
    }
}
