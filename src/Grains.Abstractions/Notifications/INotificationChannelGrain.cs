using AgentOps.Alerts;

namespace AgentOps.Notifications;

/// <summary>
/// One notification channel of a project (key <c>{project}/{name}</c>): its configuration, a bounded queue of
/// notifications and the record of their deliveries. Each (alert, state) change is delivered at most once.
/// </summary>
[Alias("agentops.channel")]
public interface INotificationChannelGrain : IGrainWithStringKey
{
    [Alias("configure")]
    Task<ChannelStatus> ConfigureAsync(ChannelConfig config);

    /// <summary>The channel and its delivery record; null when the channel is not configured.</summary>
    [Alias("status"), AlwaysInterleave]
    Task<ChannelStatus?> GetStatusAsync();

    [Alias("remove")]
    Task<bool> RemoveAsync();

    /// <summary>Queues the notification of an alert's fire or resolve (a repeat of the same change is ignored).</summary>
    [Alias("enqueue"), AlwaysInterleave]
    Task EnqueueAsync(AlertView alert);

    /// <summary>True when the channel is configured.</summary>
    [Alias("exists"), AlwaysInterleave]
    Task<bool> ExistsAsync();
}
