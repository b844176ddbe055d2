using System.Reflection;
using AgentOps.Dashboard.Services;
using AgentOps.Dashboard.Tests.Fakes;
using AgentOps.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Dashboard.Tests.Components;

/// <summary>The renewal that keeps a page open for a day updating: renew on a period, at once after an outage, and clean up on disposal.</summary>
public sealed class LiveSubscriptionTests
{
    [Fact]
    public async Task A_subscription_is_renewed_on_its_period_and_at_once_when_the_cluster_is_back_then_removed_on_disposal()
    {
        var factory = ObserverFactory.Create();
        var monitor = new ClusterConnectionMonitor(new FakeTimeProvider(Data.Now));
        monitor.ReportConnected();
        var subscribes = 0;
        var unsubscribes = 0;
        var resynced = 0;
        var failNext = false;
        Task Subscribe(IEntityObserver observer)
        {
            Assert.IsType<Observer>(observer);
            Interlocked.Increment(ref subscribes);
            return failNext ? Task.FromException(new Orleans.Runtime.SiloUnavailableException()) : Task.CompletedTask;
        }

        var subscription = new LiveSubscription<IEntityObserver>(factory, new Observer(), Subscribe, _ => { Interlocked.Increment(ref unsubscribes); return Task.CompletedTask; },
            () => Interlocked.Increment(ref resynced), monitor, TimeSpan.FromMilliseconds(200), NullLogger.Instance);

        await Eventually.AssertAsync(() => Assert.True(Volatile.Read(ref subscribes) >= 3)); // renewed, not just made once
        Assert.Equal(0, resynced);

        failNext = true; // the silo goes away: renewals fail and the banner shows
        await Eventually.AssertAsync(() => Assert.Equal(ConnectionState.Unreachable, monitor.Status.State));
        failNext = false;
        var before = Volatile.Read(ref subscribes);
        monitor.ReportConnected(); // back: renew now, and tell the page to read again
        await Eventually.AssertAsync(() => Assert.True(Volatile.Read(ref resynced) >= 1));
        Assert.True(Volatile.Read(ref subscribes) > before);

        await subscription.DisposeAsync();
        Assert.Equal(1, unsubscribes);
        Assert.Equal(1, ObserverFactory.Deleted);
        var after = Volatile.Read(ref subscribes);
        await Task.Delay(500);
        Assert.Equal(after, Volatile.Read(ref subscribes));
    }

    [Fact]
    public async Task Disposing_while_a_renewal_hangs_and_then_fails_does_not_throw_and_still_deletes_the_reference()
    {
        var factory = ObserverFactory.Create();
        var monitor = new ClusterConnectionMonitor(new FakeTimeProvider(Data.Now));
        monitor.ReportConnected();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = new LiveSubscription<IEntityObserver>(factory, new Observer(), _ =>
        {
            started.TrySetResult();
            return inFlight.Task; // the silo is gone: the call hangs until its response timeout
        }, _ => Task.CompletedTask, null, monitor, TimeSpan.FromMinutes(1), NullLogger.Instance);
        await started.Task;

        var dispose = subscription.DisposeAsync().AsTask(); // the page closes
        await Task.Delay(100);
        inFlight.SetException(new TimeoutException("Response did not arrive on time"));

        Assert.Null(await Record.ExceptionAsync(() => dispose));
        Assert.Equal(1, ObserverFactory.Deleted);
    }

    private sealed class Observer : IEntityObserver
    {
        public void OnEntityChanged(EntityKind kind, string entityId)
        {
        }
    }

    /// <summary>An IGrainFactory that hands back observers as their own references (no cluster needed).</summary>
    public class ObserverFactory : DispatchProxy
    {
        private static int _deleted;

        public static int Deleted => Volatile.Read(ref _deleted);

        public static IGrainFactory Create()
        {
            _deleted = 0;
            return Create<IGrainFactory, ObserverFactory>();
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IGrainFactory.CreateObjectReference):
                    return args![0];
                case nameof(IGrainFactory.DeleteObjectReference):
                    Interlocked.Increment(ref _deleted);
                    return null;
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}
