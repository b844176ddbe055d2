using AgentOps.Alerts;

namespace AgentOps.Notifications;

/// <summary>The persisted state of a notification channel: its configuration, queue and delivery record.</summary>
[GenerateSerializer]
public sealed class ChannelState
{
    [Id(0)] public ChannelConfig? Config { get; set; }
    [Id(1)] public List<AlertView> Queue { get; set; } = [];
    /// <summary>Keys (<c>alertId:state</c>) already delivered or given up, oldest first, so a change is never sent twice.</summary>
    [Id(2)] public List<string> Done { get; set; } = [];
    [Id(3)] public List<DeliveryRecord> Recent { get; set; } = [];
    [Id(4)] public long Delivered { get; set; }
    [Id(5)] public long Failed { get; set; }
    [Id(6)] public long Dropped { get; set; }
}
