using AgentOps.Alerts;

namespace AgentOps.Notifications;

/// <summary>The outcome of one notification: delivered, failed after its retries, or dropped from a full queue.</summary>
[GenerateSerializer, Immutable, Alias("agentops.delivery-record")]
public sealed record DeliveryRecord(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertState State,
    [property: Id(2)] string Outcome,
    [property: Id(3)] int Attempts,
    [property: Id(4)] int? HttpStatus,
    [property: Id(5)] string? Error,
    [property: Id(6)] DateTimeOffset At);
