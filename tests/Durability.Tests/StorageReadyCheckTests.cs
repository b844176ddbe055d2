using AgentOps.Silo.Hosting;
using AgentOps.Silo.Storage;
using AgentOps.Silo.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentOps.Durability.Tests;

/// <summary>The readiness probe of the AzureStorage profile against a real Azurite.</summary>
public sealed class StorageReadyCheckTests
{
    [Fact]
    public async Task A_flood_of_readiness_checks_costs_one_probe_of_storage_not_two_calls_each()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var counters = new SiloCounters();
        var check = new StorageReadyCheck(new AzureStorageAccount(new StorageConnectionOptions { ConnectionString = azurite.ConnectionString }, counters));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => check.CheckHealthAsync(new HealthCheckContext())));

        Assert.All(answers, a => Assert.Equal(HealthStatus.Healthy, a.Status));
        Assert.Equal((1, 1), (counters.TableRequests, counters.QueueRequests));
    }
}
