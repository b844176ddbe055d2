using AgentOps.Dashboard.Services;

namespace AgentOps.Dashboard.Hosting;

/// <summary>
/// Retries the client's connection to the cluster for as long as the dashboard runs, backing off from 1 to 5 seconds,
/// and reports every failed attempt so that pages can say "silo unreachable, retrying".
/// </summary>
public sealed partial class RetryForeverFilter(ClusterConnectionMonitor connection, ILogger<RetryForeverFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var attempts = connection.ReportAttemptFailed(exception);
        var delay = TimeSpan.FromSeconds(Math.Min(attempts, MaxDelay.TotalSeconds));
        if (attempts == 1 || attempts % 12 == 0)
        {
            LogRetrying(logger, attempts, delay.TotalSeconds, exception.Message);
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo cannot be reached (attempt {Attempts}); retrying every {Delay} s: {Error}")]
    private static partial void LogRetrying(ILogger logger, int attempts, double delay, string error);
}
