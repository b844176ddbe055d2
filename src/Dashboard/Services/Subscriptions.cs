using AgentOps.Dashboard.Hosting;
using Microsoft.Extensions.Options;

namespace AgentOps.Dashboard.Services;

/// <summary>Makes <see cref="LiveSubscription{TObserver}"/>s with the dashboard's renewal period.</summary>
public sealed class Subscriptions(
    IClusterClient client,
    ClusterConnectionMonitor connection,
    IOptions<DashboardOptions> options,
    ILoggerFactory loggers)
{
    public IAsyncDisposable Start<TObserver>(TObserver target, Func<TObserver, Task> subscribe, Func<TObserver, Task> unsubscribe, Action? onResynced)
        where TObserver : class, IGrainObserver =>
        new LiveSubscription<TObserver>(
            client, target, subscribe, unsubscribe, onResynced, connection, options.Value.SubscriptionRenewal,
            loggers.CreateLogger("AgentOps.Dashboard.Subscriptions"));
}
