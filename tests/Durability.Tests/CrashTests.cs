namespace AgentOps.Durability.Tests;

/// <summary>
/// The durability contract of API.md against real Azurite: a 2xx means every accepted event is counted exactly once,
/// even when the silo is killed (SIGKILL) the next instant.
/// </summary>
public sealed class CrashTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_silo_killed_at_random_moments_loses_and_doubles_nothing_it_acknowledged()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "crash-" + _run, "p" + _run);
        await silo.StartAsync();
        using var client = silo.CreateClient();
        var load = new LoadDriver(_run);

        for (var kill = 0; kill < 3; kill++)
        {
            using var stop = new CancellationTokenSource();
            var sending = load.SendUntilAsync([client], stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(1_500 + Random.Shared.Next(3_000)));
            silo.KillHard();
            await silo.StartAsync();
            await Task.Delay(1_000);
            await stop.CancelAsync();
            await sending;
        }

        Assert.True(load.Acked > 20, $"only {load.Acked} of {load.Sent} batches were acknowledged:\n{silo.Output}");
        await load.AssertExactlyOnceAsync(client);
        await load.ResendAllAndAssertTotalsAsync(client);
    }

    [Fact]
    public async Task A_three_silo_cluster_carries_on_when_one_silo_is_killed()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var cluster = "trio-" + _run;
        var project = "p" + _run;
        using var a = new SiloInstance(azurite.ConnectionString, cluster, project);
        using var b = new SiloInstance(azurite.ConnectionString, cluster, project);
        using var c = new SiloInstance(azurite.ConnectionString, cluster, project);
        await Task.WhenAll(a.StartAsync(), b.StartAsync(), c.StartAsync());
        using var clientA = a.CreateClient();
        using var clientC = c.CreateClient();
        var load = new LoadDriver(_run);

        using (var stop = new CancellationTokenSource())
        {
            var sending = load.SendUntilAsync([clientA, clientC], stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(2_000 + Random.Shared.Next(2_000)));
            b.KillHard(); // its grains and its queues move to the two survivors
            await Task.Delay(TimeSpan.FromSeconds(12));
            await stop.CancelAsync();
            await sending;
        }

        Assert.True(load.Acked > 20, $"only {load.Acked} of {load.Sent} batches were acknowledged:\n{a.Output}");
        await load.AssertExactlyOnceAsync(clientA);
        await load.ResendAllAndAssertTotalsAsync(clientC);
    }
}
