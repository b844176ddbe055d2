namespace AgentOps.LoadGenerator;

/// <summary>
/// The floor under the guard: <c>GET</c> of <see cref="LoadOptions.PingUrl"/> (a path of the silo, or another process)
/// at the guard's rate. A no-op endpoint's tail is what the process and the machine allow any endpoint under the load.
/// </summary>
public sealed class PingProbe(LoadOptions options) : IProbe
{
    private readonly Percentiles _latency = new();

    public long EventsAccepted => 0;

    public Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop) =>
        PacedCalls.RunAsync(
            options.GuardRate,
            _ => http.GetAsync(options.PingUrl, CancellationToken.None),
            _ => Task.CompletedTask,
            _latency,
            measuring,
            stop);

    public void Report() => Console.WriteLine($"ping latency      : {_latency.Summary()} at {options.GuardRate} calls/s to {options.PingUrl}");
}
