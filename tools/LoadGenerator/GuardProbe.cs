using System.Net.Http.Json;

namespace AgentOps.LoadGenerator;

/// <summary>Guard latency under load: <see cref="LoadOptions.GuardRate"/> checks/s for the workload's agents, from <see cref="PacedCalls.Callers"/> callers.</summary>
public sealed class GuardProbe(LoadOptions options) : IProbe
{
    private readonly PacedCalls.Results _results = new();
    private long _denied;

    public long EventsAccepted => 0;

    public Task RunAsync(HttpClient http, Func<bool> measuring, CancellationToken stop) =>
        PacedCalls.RunAsync(
            options.GuardRate,
            caller => http.PostAsJsonAsync(
                "/v1/guard",
                new { agentId = $"agent-{Random.Shared.Next(options.Agents):0000}", runId = $"guard-{caller}", tool = "read_file", action = "read" },
                CancellationToken.None),
            async response =>
            {
                var decision = await response.Content.ReadFromJsonAsync<Decision>(CancellationToken.None);
                Interlocked.Add(ref _denied, decision?.Allow == false ? 1 : 0);
            },
            _results,
            measuring,
            stop);

    public void Report() => Console.WriteLine($"guard latency     : {_results.Summary()} at {options.GuardRate} checks/s ({_denied} denied)");

    private sealed record Decision(bool Allow);
}
