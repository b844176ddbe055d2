namespace AgentOps.Notifications;

/// <summary>A channel's configuration (without its secret) and how its deliveries go.</summary>
[GenerateSerializer, Immutable, Alias("agentops.channel-status")]
public sealed record ChannelStatus
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public ChannelType Type { get; init; }
    [Id(2)] public required Uri Url { get; init; }
    [Id(3)] public bool HasSecret { get; init; }
    [Id(4)] public int Queued { get; init; }
    [Id(5)] public long Delivered { get; init; }
    [Id(6)] public long Failed { get; init; }
    [Id(7)] public long Dropped { get; init; }
    /// <summary>The most recent outcomes, newest first.</summary>
    [Id(8)] public IReadOnlyList<DeliveryRecord> Recent { get; init; } = [];
}
