namespace AgentOps.Rules;

/// <summary>
/// An alert rule as the API and the dashboard write it (API.md "Alert rules"): wire names and duration strings.
/// <c>id</c> and <c>updatedAt</c> are set by the server. <see cref="RuleDocumentValidator"/> turns it into an <see cref="AlertRule"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.rule-document")]
public sealed record RuleDocument
{
    [Id(0)] public string? Id { get; init; }
    /// <summary>agent, route or user (default agent).</summary>
    [Id(1)] public string? Scope { get; init; }
    /// <summary>A glob over entity ids (default <c>*</c>).</summary>
    [Id(2)] public string? Match { get; init; }
    [Id(3)] public string? Metric { get; init; }
    [Id(4)] public string? Window { get; init; }
    /// <summary>&gt;, &gt;=, &lt; or &lt;=.</summary>
    [Id(5)] public string? Op { get; init; }
    [Id(6)] public double? Threshold { get; init; }
    [Id(7)] public BaselineDocument? Baseline { get; init; }
    [Id(8)] public string? For { get; init; }
    [Id(9)] public int? MinSamples { get; init; }
    /// <summary>critical, warning or info.</summary>
    [Id(10)] public string? Severity { get; init; }
    [Id(11)] public IReadOnlyDictionary<string, string>? Labels { get; init; }
    [Id(12)] public IReadOnlyList<string>? Channels { get; init; }
    [Id(13)] public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The baseline of a relative rule.</summary>
[GenerateSerializer, Immutable, Alias("agentops.baseline-document")]
public sealed record BaselineDocument
{
    [Id(0)] public string? Window { get; init; }
    /// <summary>median, mean or p90.</summary>
    [Id(1)] public string? Stat { get; init; }
    [Id(2)] public double? Factor { get; init; }
    [Id(3)] public int? MinPoints { get; init; }
}
