using AgentOps.Rules;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>The project's rules.</summary>
public sealed record RuleListResponse(IReadOnlyList<RuleDocument> Items, long Version);
