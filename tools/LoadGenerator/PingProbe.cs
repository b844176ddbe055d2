namespace AgentOps.LoadGenerator;

/// <summary>
/// The floor under the guard: <c>GET</c> of <see cref="LoadOptions.PingUrl"/> (a path of the silo, or another process)
/// at the guard's rate. A no-op endpoint's tail is what the process and the machine allow any endpoint under the load.
/// Another process is called without the silo's key.
/// </summary>
public sealed class PingProbe(LoadOptions options) : IProbe
{
    private static readonly HttpClient Anonymous = new();
    private readonly PacedCalls.Results _results = new();

    public long EventsAccepted => 0;

    public Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop)
    {
        // On Linux "/health/live" parses as an absolute file: URI, hence the scheme test.
        var elsewhere = Uri.TryCreate(options.PingUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            && url.Authority != http.BaseAddress?.Authority;
        return PacedCalls.RunAsync(
            options.GuardRate,
            _ => elsewhere ? Anonymous.GetAsync(url, CancellationToken.None) : http.GetAsync(options.PingUrl, CancellationToken.None),
            _ => Task.CompletedTask,
            _results,
            measuring,
            stop);
    }

    public void Report() => Console.WriteLine($"ping latency      : {_results.Summary()} at {options.GuardRate} calls/s to {options.PingUrl}");
}
