using AgentOps.Events;

namespace AgentOps.Entities;

/// <summary>
/// The events of one flush of one ingest partition that concern one grain.
/// (<see cref="Partition"/>, <see cref="Flush"/>) is increasing per partition, so a grain that
/// remembers the last flush it applied from each partition drops a redelivery exactly.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.delivery")]
public sealed record EntityDelivery(
    [property: Id(0)] int Partition,
    [property: Id(1)] long Flush,
    [property: Id(2)] IReadOnlyList<AgentEvent> Events);
