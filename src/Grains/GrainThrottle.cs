namespace AgentOps;

/// <summary>
/// Runs a grain's action at most once per <c>spacing</c>: at once when the last run is old enough, else once, later,
/// for every request in between. Requests are coalesced, never dropped; the timer runs as a grain turn.
/// </summary>
public sealed class GrainThrottle(IGrainBase grain, TimeSpan spacing, Func<Task> action)
{
    private long _lastRun = long.MinValue / 2;
    private IGrainTimer? _timer;

    public Task RunSoonAsync()
    {
        var sinceLast = Environment.TickCount64 - _lastRun;
        var spacingMs = (long)spacing.TotalMilliseconds;
        if (sinceLast >= spacingMs && _timer is null)
        {
            return RunAsync();
        }

        _timer ??= grain.RegisterGrainTimer(
            async () =>
            {
                _timer?.Dispose();
                _timer = null;
                await RunAsync();
            },
            new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(Math.Max(0, spacingMs - sinceLast)), Timeout.InfiniteTimeSpan) { Interleave = false });
        return Task.CompletedTask;
    }

    private Task RunAsync()
    {
        _lastRun = Environment.TickCount64;
        return action();
    }
}
