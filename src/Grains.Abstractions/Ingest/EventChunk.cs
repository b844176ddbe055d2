using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>
/// The stream item: the accepted events of one ingest request that fall into one partition of a project.
/// <see cref="Tag"/> identifies the chunk so a re-sent batch can be told from the chunk that first claimed its ids.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.chunk")]
public sealed record EventChunk(
    [property: Id(0)] long Tag,
    [property: Id(1)] string Project,
    [property: Id(2)] int Partition,
    [property: Id(3)] IReadOnlyList<AgentEvent> Events);
