using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>
/// The stream item: accepted events of one ingest request that fall into one partition of a project.
/// <see cref="Tag"/> identifies the chunk so a re-sent batch can be told from the chunk that first claimed its ids.
/// A chunk too large for a queue message travels as a claim check: <see cref="PayloadRef"/> names the stored events
/// and <see cref="Events"/> is empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.chunk")]
public sealed record EventChunk(
    [property: Id(0)] long Tag,
    [property: Id(1)] string Project,
    [property: Id(2)] int Partition,
    [property: Id(3)] IReadOnlyList<AgentEvent> Events,
    [property: Id(4)] string? PayloadRef = null);
