using System.Diagnostics;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Calls at a fixed total rate from a few callers, each on its own schedule (a late call does not push the next ones
/// back), and records every successful call's round trip while the load is measured; failed calls (an error status,
/// no answer) are counted, not timed, so that a probe aimed at the wrong place says so instead of measuring nothing.
/// </summary>
public static class PacedCalls
{
    public const int Callers = 8;

    /// <summary>The round trips of successful calls, and how many calls failed while measured.</summary>
    public sealed class Results
    {
        private long _failed;

        public Percentiles Latency { get; } = new();

        public long Failed => Interlocked.Read(ref _failed);

        public void AddFailure() => Interlocked.Increment(ref _failed);

        public string Summary() => Latency.Summary() + (Failed > 0 ? $", {Failed} failed" : string.Empty);
    }

    public static Task RunAsync(
        int ratePerSecond,
        Func<int, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task> measured,
        Results results,
        Func<bool> measuring,
        CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => CallAsync(caller, ratePerSecond, send, measured, results, measuring, stop)));

    private static async Task CallAsync(
        int caller,
        int ratePerSecond,
        Func<int, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task> measured,
        Results results,
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
            HttpResponseMessage response;
            try
            {
                response = await send(caller);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (measuring())
                {
                    results.AddFailure();
                }

                continue;
            }

            using (response)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!measuring())
                {
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    results.Latency.Add(elapsed);
                    await measured(response);
                }
                else
                {
                    results.AddFailure();
                }
            }
        }
    }
}
