using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Hosting;
using AgentOps.Rules;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>The alert board against a storage that fails a write: what it did not store, it takes when sent again.</summary>
public sealed class AlertBoardStorageFailureTests
{
    private static volatile bool FailBoardWrites;

    private sealed class FlakyStorage(IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            FailBoardWrites && stateName == "alerts" ? throw new TimeoutException("storage hiccup") : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddAgentOpsGrainServices().AddAgentOpsMemoryProviders();
            siloBuilder.AddMemoryGrainStorage("review-memory");
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.LargeState, (s, _) => new FlakyStorage(s.GetRequiredKeyedService<IGrainStorage>("review-memory")));
        }
    }

    [Fact]
    public async Task A_fire_the_board_failed_to_store_is_taken_when_the_entity_sends_it_again()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<Configurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var project = "p-" + Guid.NewGuid().ToString("N")[..6];
        var board = cluster.Client.GetGrain<IAlertBoardGrain>(project);
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

        FailBoardWrites = true;
        await Assert.ThrowsAnyAsync<Exception>(() => board.ReportAsync(fire));
        FailBoardWrites = false;
        await board.ReportAsync(fire); // the entity's AlertReportQueue sends it again at the next judgement

        // Taken for a late copy of what the board had, the retry used to be dropped: nothing stored, nothing notified.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        Assert.Single(await board.ListAsync(null, null, null, null, 10));
    }
}
