using System.Diagnostics;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Calls at a fixed total rate from a few callers, each on its own schedule (a late call does not push the next ones
/// back), and records every successful call's round trip while the load is measured.
/// </summary>
public static class PacedCalls
{
    public const int Callers = 8;

    public static Task RunAsync(
        int ratePerSecond,
        Func<int, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task> measured,
        Percentiles latency,
        Func<bool> measuring,
        CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => CallAsync(caller, ratePerSecond, send, measured, latency, measuring, stop)));

    private static async Task CallAsync(
        int caller,
        int ratePerSecond,
        Func<int, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task> measured,
        Percentiles latency,
        Func<bool> measuring,
        CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Callers / (double)ratePerSecond);
        var clock = Stopwatch.StartNew();
        for (var n = 0L; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed && !await Pace.DelayAsync(due - clock.Elapsed, stop))
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await send(caller);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode && measuring())
            {
                latency.Add(elapsed);
                await measured(response);
            }
        }
    }
}
