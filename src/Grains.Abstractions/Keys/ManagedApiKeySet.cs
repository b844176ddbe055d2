namespace AgentOps.Keys;

/// <summary>Every managed key of every project, with a version that changes on each change (silos cache the set).</summary>
[GenerateSerializer, Immutable, Alias("agentops.managed-api-key-set")]
public sealed record ManagedApiKeySet(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ManagedApiKey> Keys);
