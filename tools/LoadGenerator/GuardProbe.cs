using System.Diagnostics;
using System.Net.Http.Json;

namespace AgentOps.LoadGenerator;

/// <summary>Guard latency under load: <see cref="LoadOptions.GuardRate"/> checks/s for the workload's agents, from 8 callers.</summary>
public sealed class GuardProbe(LoadOptions options) : IProbe
{
    private const int Callers = 8;
    private readonly Percentiles _latency = new();
    private long _denied;

    public long EventsAccepted => 0;

    public Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => CallAsync(http, caller, measuring, stop)));

    public void Report() => Console.WriteLine($"guard latency     : {_latency.Summary()} at {options.GuardRate} checks/s ({_denied} denied)");

    private async Task CallAsync(HttpClient http, int caller, Func<bool> measuring, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(Callers / (double)options.GuardRate);
        var clock = Stopwatch.StartNew();
        for (var n = 0L; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed && !await Pace.DelayAsync(due - clock.Elapsed, stop))
            {
                return;
            }

            var agent = $"agent-{Random.Shared.Next(options.Agents):0000}";
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/v1/guard", new { agentId = agent, runId = $"guard-{caller}", tool = "read_file", action = "read" }, CancellationToken.None);
            var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode && measuring())
            {
                _latency.Add(latency);
                var decision = await response.Content.ReadFromJsonAsync<Decision>(CancellationToken.None);
                _denied += decision?.Allow == false ? 1 : 0;
            }
        }
    }

    private sealed record Decision(bool Allow);
}
