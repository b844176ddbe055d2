namespace AgentOps.Rules;

/// <summary>The persisted rules of a project.</summary>
[GenerateSerializer]
public sealed class RuleBookState
{
    /// <summary>False until the default rules were seeded, so a removed default rule stays removed.</summary>
    [Id(0)] public bool Seeded { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Dictionary<string, AlertRule> Rules { get; set; } = new(StringComparer.Ordinal);
}
