using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AgentOps.Silo.Tests;

/// <summary>A silo of its own, stopped while its grains are busy.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_local_silo_stopping_right_after_a_burst_of_events_logs_no_errors()
    {
        FakeLogCollector logs;
        DateTimeOffset stoppingAt;
        using (var silo = new SiloFactory().WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddFakeLogging())))
        {
            logs = silo.Services.GetFakeLogCollector();
            var client = silo.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", SiloFactory.AlphaAdmin);
            var now = silo.Services.GetRequiredKeyedService<TimeProvider>(AgentOpsClock.Key).GetUtcNow();
            var events = Enumerable.Range(0, 300).SelectMany(i =>
                Ev.Run($"stop-agent-{i % 100}", $"stop-run-{i}", now.AddSeconds(-30), 0.01, ["search"], $"stop-route-{i % 20}", $"stop-user-{i}"));
            (await client.PostEventsAsync(events)).EnsureSuccessStatusCode();
            await Eventually.AssertAsync(async () => Assert.True((await client.GetAsync("/v1/agents/stop-agent-99")).IsSuccessStatusCode));
            stoppingAt = DateTimeOffset.UtcNow;
        }

        // Every grain (hundreds here) deactivates at once: none may try to save to, publish to or confirm with grains that
        // are already gone (each such call logged an error). An Orleans placement retry of a call already in flight when
        // the stop began may still log a warning.
        var noisy = logs.GetSnapshot().Where(r => r.Timestamp >= stoppingAt && r.Level >= LogLevel.Error)
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.Message}").ToList();
        Assert.True(noisy.Count == 0, string.Join("\n", noisy.Take(5)));
    }
}
