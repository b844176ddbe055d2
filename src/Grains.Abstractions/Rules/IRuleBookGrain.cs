namespace AgentOps.Rules;

/// <summary>A project's alert rules (key: the project). A new project starts with the four default rules.</summary>
[Alias("agentops.rule-book")]
public interface IRuleBookGrain : IGrainWithStringKey
{
    /// <summary>All rules at the current version.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<RuleBook> GetAsync();

    /// <summary>Creates or replaces a rule.</summary>
    [Alias("put")]
    Task<RuleBook> PutAsync(AlertRule rule);

    /// <summary>Removes a rule; false when it did not exist.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync(string ruleId);
}
