using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace AgentOps.Dashboard.Services;

/// <summary>Where the dashboard stands with the cluster.</summary>
public enum ConnectionState
{
    /// <summary>Not connected yet since the dashboard started.</summary>
    Connecting,
    /// <summary>Connected to at least one gateway; grain calls go through.</summary>
    Connected,
    /// <summary>Lost the cluster (or never reached it); the client keeps retrying.</summary>
    Unreachable,
}

/// <summary>The connection to the cluster at one moment: state, since when, how many attempts failed, the last error.</summary>
public sealed record ConnectionStatus(ConnectionState State, DateTimeOffset Since, int FailedAttempts, string? LastError)
{
    public bool IsConnected => State == ConnectionState.Connected;
}

/// <summary>
/// The live state of the dashboard's connection to the silos, for the "silo unreachable, retrying" banner and for
/// subscriptions that must renew when the cluster is back.
/// </summary>
public interface IClusterConnection
{
    ConnectionStatus Status { get; }

    /// <summary>Raised (on any thread) when <see cref="Status"/> changes state.</summary>
    event Action<ConnectionStatus>? Changed;
}

/// <summary>
/// Follows the Orleans client: failed connection attempts (from the retry filter), lost and recovered gateways (as a
/// cluster connection status observer), and the outcome of the dashboard's own grain calls.
/// </summary>
public sealed class ClusterConnectionMonitor(TimeProvider time) : IClusterConnection, IClusterConnectionStatusObserver
{
    private readonly Lock _lock = new();
    private ConnectionStatus _status = new(ConnectionState.Connecting, time.GetUtcNow(), 0, null);

    public ConnectionStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    public event Action<ConnectionStatus>? Changed;

    /// <summary>True for the failures that mean "the cluster cannot be reached", as opposed to a bug or a bad request.</summary>
    public static bool IsConnectivityFailure(Exception exception) => exception switch
    {
        ClusterUnavailableException or SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException
            or SocketConnectionException or TimeoutException or GatewayTooBusyException => true,
        // Grain calls made before the client has connected once.
        InvalidOperationException { Message: var m } when m.Contains("not connected", StringComparison.OrdinalIgnoreCase)
            || m.Contains("not initialized", StringComparison.OrdinalIgnoreCase) => true,
        OrleansException { InnerException: { } inner } => IsConnectivityFailure(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsConnectivityFailure(aggregate.InnerExceptions[0]),
        _ => false,
    };

    /// <summary>A connection attempt failed; returns how many have failed in a row.</summary>
    public int ReportAttemptFailed(Exception exception)
    {
        lock (_lock)
        {
            var state = _status.State == ConnectionState.Connecting ? ConnectionState.Connecting : ConnectionState.Unreachable;
            var since = _status.State == state ? _status.Since : time.GetUtcNow();
            var attempts = _status.FailedAttempts + 1;
            Set(new ConnectionStatus(state, since, attempts, Describe(exception)), raise: attempts == 1 || state != _status.State);
            return attempts;
        }
    }

    /// <summary>A grain call failed for want of the cluster.</summary>
    public void ReportCallFailed(Exception exception) => ReportLost(Describe(exception));

    /// <summary>A grain call went through: the cluster is there.</summary>
    public void ReportCallSucceeded() => ReportConnected();

    /// <summary>The client is connected (again).</summary>
    public void ReportConnected()
    {
        lock (_lock)
        {
            if (_status.State != ConnectionState.Connected)
            {
                Set(new ConnectionStatus(ConnectionState.Connected, time.GetUtcNow(), 0, null), raise: true);
            }
        }
    }

    /// <summary>The cluster is gone.</summary>
    public void ReportLost(string reason)
    {
        lock (_lock)
        {
            if (_status.State == ConnectionState.Connected)
            {
                Set(new ConnectionStatus(ConnectionState.Unreachable, time.GetUtcNow(), 0, reason), raise: true);
            }
            else
            {
                _status = _status with { LastError = reason };
            }
        }
    }

    void IClusterConnectionStatusObserver.NotifyClusterConnectionLost() => ReportLost("The connection to every gateway was lost.");

    void IClusterConnectionStatusObserver.NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways > 0)
        {
            ReportConnected();
        }
        else
        {
            ReportLost("No gateway is connected.");
        }
    }

    private void Set(ConnectionStatus status, bool raise)
    {
        _status = status;
        if (raise)
        {
            // Outside the caller's stack: handlers marshal to their renderers, they must never block the client.
            var handlers = Changed;
            if (handlers is not null)
            {
                _ = Task.Run(() => handlers(status));
            }
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        ClusterUnavailableException { InnerException: { } inner } => Describe(inner),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}

/// <summary>A grain call that failed because the cluster cannot be reached; pages show the banner's state, not an error.</summary>
public sealed class ClusterUnavailableException(Exception inner)
    : Exception("The silo cannot be reached; the dashboard keeps retrying.", inner);
