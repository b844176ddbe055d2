using AgentOps.Events;
using AgentOps.Runs;
using AgentOps.Silo.Hosting;
using AgentOps.Silo.Storage;
using AgentOps.Silo.Telemetry;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AgentOps.Durability.Tests;

/// <summary>The AzureStorage trajectory store against a real Azurite: rows, blobs, batches and retention.</summary>
public sealed class AzureTrajectoryStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Saved = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _project = "p" + Guid.NewGuid().ToString("N")[..8];
    private AzuriteInstance _azurite = null!;
    private AzureStorageAccount _account = null!;
    private AzureTrajectoryStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _account = new AzureStorageAccount(new StorageConnectionOptions { ConnectionString = _azurite.ConnectionString }, new SiloCounters());
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(RunSummary).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        _store = new AzureTrajectoryStore(_account, serializer);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task A_kept_run_reads_back_with_its_steps_in_order_and_a_dropped_run_with_totals_only()
    {
        await _store.SaveAsync(_project, 3, [Kept("kept-1", Saved), Dropped("dropped-1", Saved)]);

        var kept = await _store.GetAsync(_project, 3, "kept-1");
        Assert.NotNull(kept);
        Assert.Equal(["kept-1-0", "kept-1-1", "kept-1-2"], kept.Steps!.Select(s => s.Id));
        Assert.Equal("violation", kept.Reason);
        Assert.Equal(Summary("kept-1"), kept.Summary);
        var dropped = await _store.GetAsync(_project, 3, "dropped-1");
        Assert.NotNull(dropped);
        Assert.Null(dropped.Steps);
        Assert.Equal(StepsDropped.Sampled, dropped.StepsDropped);
        Assert.Null(await _store.GetAsync(_project, 4, "kept-1")); // another shard's partition
    }

    [Fact]
    public async Task A_save_of_more_runs_than_one_table_transaction_holds_stores_them_all()
    {
        var runs = Enumerable.Range(0, 250).Select(i => i % 2 == 0 ? Kept($"r{i}", Saved) : Dropped($"r{i}", Saved)).ToList();

        await _store.SaveAsync(_project, 0, runs);

        foreach (var i in new[] { 0, 99, 100, 101, 199, 249 })
        {
            var run = await _store.GetAsync(_project, 0, $"r{i}");
            Assert.NotNull(run);
            Assert.Equal(i % 2 == 0, run.Steps is not null);
        }
    }

    [Fact]
    public async Task A_run_too_large_for_its_row_keeps_its_steps_in_a_blob_and_small_runs_need_none()
    {
        await _store.SaveAsync(_project, 2, [Large("big", Saved), Kept("small", Saved)]);

        Assert.Equal(40, (await _store.GetAsync(_project, 2, "big"))!.Steps!.Count);
        Assert.Equal(3, (await _store.GetAsync(_project, 2, "small"))!.Steps!.Count);
        Assert.Equal([$"{_project}/0002/big"], await BlobsAsync());
    }

    [Fact]
    public async Task Retention_deletes_old_steps_and_blobs_then_old_rows_and_leaves_newer_runs_alone()
    {
        await _store.SaveAsync(_project, 1, [Kept("old", Saved), Large("old-large", Saved), Kept("ancient", Saved.AddDays(-100)), Kept("new", Saved.AddDays(20)), Large("new-large", Saved.AddDays(20))]);

        var expired = await _store.ExpireAsync(_project, 1, stepsBefore: Saved.AddDays(14), runsBefore: Saved.AddDays(-90));

        Assert.Equal(3, expired);
        foreach (var runId in new[] { "old", "old-large" })
        {
            var old = await _store.GetAsync(_project, 1, runId);
            Assert.NotNull(old);
            Assert.Null(old.Steps);
            Assert.Equal(StepsDropped.Expired, old.StepsDropped);
            Assert.Equal(Summary(runId), old.Summary);
        }

        Assert.Null(await _store.GetAsync(_project, 1, "ancient"));
        Assert.Equal(3, (await _store.GetAsync(_project, 1, "new"))!.Steps!.Count);
        Assert.Equal(40, (await _store.GetAsync(_project, 1, "new-large"))!.Steps!.Count);
        Assert.Equal([$"{_project}/0001/new-large"], await BlobsAsync());
        Assert.Equal(0, await _store.ExpireAsync(_project, 1, Saved.AddDays(14), Saved.AddDays(-90)));
    }

    private async Task<List<string>> BlobsAsync()
    {
        var blobs = new List<string>();
        await foreach (var blob in _account.Blobs.GetBlobContainerClient(AzureTrajectoryStore.ContainerName)
            .GetBlobsAsync(BlobTraits.None, BlobStates.None, _project + "/", CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }

        return blobs;
    }

    /// <summary>A run whose compressed steps exceed a table property: 40 steps of 4 KB of random text each.</summary>
    [Fact]
    public async Task A_large_run_stored_again_without_steps_leaves_no_blob_behind()
    {
        await _store.SaveAsync(_project, 5, [Large("resumed", Saved)]); // stored while quiet and unfinished: steps in a blob
        await _store.SaveAsync(_project, 5, [Dropped("resumed", Saved.AddMinutes(30)) with { ReplacesSteps = true }]); // went on, finished, sampled out

        var left = new List<string>();
        await foreach (var blob in _account.Blobs.GetBlobContainerClient(AzureTrajectoryStore.ContainerName)
            .GetBlobsAsync(BlobTraits.None, BlobStates.None, _project + "/", CancellationToken.None))
        {
            left.Add(blob.Name);
        }

        Assert.Empty(left);
        Assert.Null((await _store.GetAsync(_project, 5, "resumed"))!.Steps);
    }

    private static StoredRun Large(string runId, DateTimeOffset savedAt) =>
        new(Summary(runId), [.. Enumerable.Range(0, 40).Select(i => Step(runId, i) with { Output = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3_000)) })], null, "failed", savedAt);

    private static StoredRun Kept(string runId, DateTimeOffset savedAt) =>
        new(Summary(runId), [Step(runId, 0), Step(runId, 1), Step(runId, 2)], null, "violation", savedAt);

    private static StoredRun Dropped(string runId, DateTimeOffset savedAt) =>
        new(Summary(runId), null, StepsDropped.Sampled, "sampled", savedAt);

    private static RunSummary Summary(string runId) => new()
    {
        RunId = runId,
        AgentId = "billing",
        RouteId = "refunds",
        Status = RunStatus.Success,
        CostUsd = 0.25,
        InputTokens = 1200,
        ToolCalls = 2,
        StartedAt = Saved.AddMinutes(-1),
        FinishedAt = Saved,
    };

    private static AgentEvent Step(string runId, int i) => new()
    {
        Id = $"{runId}-{i}",
        Type = EventType.ToolCall,
        Timestamp = Saved.AddSeconds(i),
        AgentId = "billing",
        RunId = runId,
        Tool = "refund",
    };
}
