namespace AgentOps.Notifications;

/// <summary>Where a channel sends notifications. The secret signs webhook bodies and is never returned by the API.</summary>
[GenerateSerializer, Immutable, Alias("agentops.channel-config")]
public sealed record ChannelConfig
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public ChannelType Type { get; init; }
    [Id(2)] public required Uri Url { get; init; }
    [Id(3)] public string? Secret { get; init; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }
}
