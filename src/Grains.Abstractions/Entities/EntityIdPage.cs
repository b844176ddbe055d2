namespace AgentOps.Entities;

/// <summary>A page of entity ids in ordinal order; <see cref="HasMore"/> when ids follow the last one.</summary>
[GenerateSerializer, Immutable, Alias("agentops.entity-id-page")]
public sealed record EntityIdPage(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] bool HasMore);
