using AgentOps.Entities;

namespace AgentOps.Alerts;

/// <summary>
/// A project's alerts (key: the project): the open ones and a bounded history, acknowledgements, silences, and the
/// hand-off of fire and resolve notifications to the rules' channels.
/// </summary>
[Alias("agentops.alert-board")]
public interface IAlertBoardGrain : IGrainWithStringKey
{
    /// <summary>An entity reports a new or changed alert.</summary>
    [Alias("report")]
    Task ReportAsync(AlertView alert);

    /// <summary>Alerts that match the filters, newest first.</summary>
    [Alias("list"), ReadOnly]
    Task<IReadOnlyList<AlertView>> ListAsync(AlertState? state, EntityKind? scope, string? entityId, string? ruleId, int limit);

    /// <summary>One alert, or null.</summary>
    [Alias("find"), ReadOnly]
    Task<AlertView?> FindAsync(string alertId);

    /// <summary>Acknowledges an alert; null when it does not exist.</summary>
    [Alias("ack")]
    Task<AlertView?> AcknowledgeAsync(string alertId, string by, string? comment);

    /// <summary>Adds a silence.</summary>
    [Alias("silence")]
    Task<Silence> AddSilenceAsync(Silence silence);

    /// <summary>Silences that have not ended.</summary>
    [Alias("silences"), ReadOnly]
    Task<IReadOnlyList<Silence>> ListSilencesAsync();

    /// <summary>Ends a silence now; false when it did not exist.</summary>
    [Alias("expire-silence")]
    Task<bool> ExpireSilenceAsync(string silenceId);

    /// <summary>Subscribes (or renews) an observer; subscriptions lapse after <see cref="Fleet.FleetGrainLimits.ObserverLifetime"/>.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(IAlertObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IAlertObserver observer);

    /// <summary>Adds a channel name to the project's list (the channel grain holds its configuration).</summary>
    [Alias("register-channel")]
    Task RegisterChannelAsync(string name);

    /// <summary>Removes a channel name from the project's list.</summary>
    [Alias("unregister-channel")]
    Task UnregisterChannelAsync(string name);

    /// <summary>The project's channel names.</summary>
    [Alias("channels"), ReadOnly]
    Task<IReadOnlyList<string>> ListChannelsAsync();
}
