using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Hosting;
using AgentOps.Rules;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>Grains against a storage that fails a write: what they did not store, they store when asked again.</summary>
public sealed class StorageFailureTests : IAsyncLifetime
{
    /// <summary>The state whose writes fail now; null: none.</summary>
    private static volatile string? _failing;

    private TestCluster _cluster = null!;

    private sealed class FlakyStorage(IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            stateName == _failing ? throw new TimeoutException("storage hiccup") : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddAgentOpsGrainServices().AddAgentOpsMemoryProviders();
            foreach (var name in new[] { StorageNames.State, StorageNames.LargeState })
            {
                siloBuilder.AddMemoryGrainStorage(name + "-flaky-inner");
                siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(name, (s, _) => new FlakyStorage(s.GetRequiredKeyedService<IGrainStorage>(name + "-flaky-inner")));
            }
        }
    }

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Configurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task An_entity_id_the_directory_failed_to_store_is_stored_when_the_entity_registers_again()
    {
        var directory = _cluster.Client.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard("p-" + Guid.NewGuid().ToString("N")[..6], "agent", 0));

        _failing = "directory";
        await Assert.ThrowsAnyAsync<Exception>(() => directory.RegisterAsync("a1"));
        _failing = null;
        await directory.RegisterAsync("a1"); // the partition retries the delivery; the entity registers again

        await CollectIdleAsync();
        Assert.Equal(["a1"], (await directory.ListAsync(null, 10)).Ids);
    }

    [Fact]
    public async Task A_fire_the_board_failed_to_store_is_taken_when_the_entity_sends_it_again()
    {
        var project = "p-" + Guid.NewGuid().ToString("N")[..6];
        var board = _cluster.Client.GetGrain<IAlertBoardGrain>(project);
        var fire = new AlertView
        {
            AlertId = "al_1",
            RuleId = "r",
            Scope = EntityKind.Agent,
            EntityId = "a",
            State = AlertState.Firing,
            Severity = AlertSeverity.Warning,
            Summary = "s",
            FiredAt = DateTimeOffset.UtcNow,
            Revision = 2,
        };

        _failing = "alerts";
        await Assert.ThrowsAnyAsync<Exception>(() => board.ReportAsync(fire));
        _failing = null;
        await board.ReportAsync(fire); // the entity's AlertReportQueue sends it again at the next judgement

        // Taken for a late copy of what the board had, the retry used to be dropped: nothing stored, nothing notified.
        await CollectIdleAsync();
        Assert.Single(await board.ListAsync(null, null, null, null, 10));
    }

    /// <summary>Drops idle activations, so that what is read next comes from storage.</summary>
    private async Task CollectIdleAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
    }
}
