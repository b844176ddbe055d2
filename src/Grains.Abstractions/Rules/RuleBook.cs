namespace AgentOps.Rules;

/// <summary>A project's rules at one version; the version increases with every change.</summary>
[GenerateSerializer, Immutable, Alias("agentops.rule-book-state")]
public sealed record RuleBook(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<AlertRule> Rules)
{
    public static RuleBook Empty { get; } = new(0, []);
}
