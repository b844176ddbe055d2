
namespace AgentOps.Dashboard.Services;

/// <summary>
/// Keeps one grain observer subscribed for as long as a page is open: subscribes at once, renews before the grain's
/// three-minute lapse, retries every few seconds while the cluster is unreachable, renews at once when it is back, and
/// tells the page (<c>onResynced</c>) when it may have missed changes, so the page re-reads. Disposing unsubscribes and
/// deletes the observer reference.
/// </summary>
public sealed partial class LiveSubscription<TObserver> : IAsyncDisposable
    where TObserver : class, IGrainObserver
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory _factory;
    private readonly TObserver _target; // a strong reference: the client holds observers weakly
    private readonly TObserver _reference;
    private readonly Func<TObserver, Task> _subscribe;
    private readonly Func<TObserver, Task> _unsubscribe;
    private readonly Action? _onResynced;
    private readonly ClusterConnectionMonitor _connection;
    private readonly TimeSpan _renewEvery;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Task _loop;
    private volatile bool _missedChanges;

    public LiveSubscription(
        IGrainFactory factory,
        TObserver target,
        Func<TObserver, Task> subscribe,
        Func<TObserver, Task> unsubscribe,
        Action? onResynced,
        ClusterConnectionMonitor connection,
        TimeSpan renewEvery,
        ILogger logger)
    {
        _factory = factory;
        _target = target;
        _reference = factory.CreateObjectReference<TObserver>(target);
        _subscribe = subscribe;
        _unsubscribe = unsubscribe;
        _onResynced = onResynced;
        _connection = connection;
        _renewEvery = renewEvery;
        _logger = logger;
        _connection.Changed += OnConnectionChanged;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many times the subscription has been made or renewed (for tests and diagnostics).</summary>
    public int Renewals { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _connection.Changed -= OnConnectionChanged;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        try
        {
            if (_connection.Status.IsConnected)
            {
                await _unsubscribe(_reference).WaitAsync(UnsubscribeTimeout);
            }
        }
        catch (Exception ex)
        {
            // The grain lets an unrenewed subscription lapse on its own.
            LogUnsubscribeFailed(_logger, typeof(TObserver).Name, ex.Message);
        }

        _factory.DeleteObjectReference<TObserver>(_reference);
        GC.KeepAlive(_target);
        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await _subscribe(_reference);
                Renewals++;
                _connection.ReportCallSucceeded();
                if (_missedChanges)
                {
                    _missedChanges = false;
                    _onResynced?.Invoke();
                }

                wait = _renewEvery;
            }
            catch (Exception ex)
            {
                if (token.IsCancellationRequested)
                {
                    return; // disposing: a renewal that failed meanwhile (a silo outage) no longer matters
                }

                _missedChanges = true;
                if (ClusterConnectionMonitor.IsConnectivityFailure(ex))
                {
                    _connection.ReportCallFailed(ex);
                }

                LogSubscribeFailed(_logger, typeof(TObserver).Name, ex.Message);
                wait = RetryDelay;
            }

            try
            {
                await _wake.WaitAsync(wait, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void OnConnectionChanged(ConnectionStatus status)
    {
        if (_connection.Status.IsConnected)
        {
            // Back after an outage: renew now (the silo may have restarted and forgotten us) and re-read afterwards.
            _missedChanges = true;
            try
            {
                if (_wake.CurrentCount == 0)
                {
                    _wake.Release();
                }
            }
            catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscribing the {Observer} failed, retrying: {Error}")]
    private static partial void LogSubscribeFailed(ILogger logger, string observer, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing the {Observer} failed: {Error}")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string observer, string error);
}
