using AgentOps.Alerts;
using AgentOps.Rules;

namespace AgentOps.Dashboard.Services;

/// <summary>The outcome of saving a rule: the rule as saved, or what is wrong per field.</summary>
public sealed record RuleSaveResult(AlertRule? Rule, IReadOnlyList<FieldError> Errors)
{
    public bool Saved => Rule is not null;
}

/// <summary>A project's alert rules and the channel names they may notify.</summary>
public interface IRuleService
{
    Task<RuleBook> GetAsync(string project);

    /// <summary>The project's notification channel names.</summary>
    Task<IReadOnlyList<string>> ListChannelsAsync(string project);

    /// <summary>Validates the document with <see cref="RuleDocumentValidator"/> and, when valid, creates or replaces the rule.</summary>
    Task<RuleSaveResult> SaveAsync(string project, string ruleId, RuleDocument document);

    /// <summary>Removes a rule; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string project, string ruleId);
}

public sealed class RuleService(IClusterClient client, GrainCalls calls) : IRuleService
{
    public Task<RuleBook> GetAsync(string project) => calls.RunAsync(() => client.GetGrain<IRuleBookGrain>(project).GetAsync());

    public Task<IReadOnlyList<string>> ListChannelsAsync(string project) =>
        calls.RunAsync(() => client.GetGrain<IAlertBoardGrain>(project).ListChannelsAsync());

    public async Task<RuleSaveResult> SaveAsync(string project, string ruleId, RuleDocument document)
    {
        var channels = await ListChannelsAsync(project);
        var (rule, errors) = RuleDocumentValidator.Validate(ruleId, document, channels.ToHashSet(StringComparer.Ordinal));
        if (rule is null)
        {
            return new RuleSaveResult(null, errors);
        }

        var book = await calls.RunAsync(() => client.GetGrain<IRuleBookGrain>(project).PutAsync(rule));
        return new RuleSaveResult(book.Rules.FirstOrDefault(r => r.Id == ruleId) ?? rule, []);
    }

    public Task<bool> DeleteAsync(string project, string ruleId) =>
        calls.RunAsync(() => client.GetGrain<IRuleBookGrain>(project).DeleteAsync(ruleId));
}
