using System.Net;
using System.Text;
using Azure.Data.Tables;

namespace AgentOps.Durability.Tests;

public sealed class JournalTruncationTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Run(string runId, string agent, string user) =>
        $"{{\"events\":[{{\"id\":\"{runId}-s\",\"type\":\"run_started\",\"agentId\":\"{agent}\",\"runId\":\"{runId}\",\"routeId\":\"r1\",\"userId\":\"{user}\"}}," +
        $"{{\"id\":\"{runId}-e\",\"type\":\"run_finished\",\"agentId\":\"{agent}\",\"runId\":\"{runId}\",\"routeId\":\"r1\",\"userId\":\"{user}\",\"outcome\":\"success\"}}]}}";

    private static async Task<int> EventRowsAsync(string connectionString, string project)
    {
        var table = new TableClient(connectionString, "agentopsjournal");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(project + "~") >= 0 && e.PartitionKey.CompareTo(project + "~~") < 0, select: ["PartitionKey", "RowKey"]))
        {
            if (row.RowKey.StartsWith('e'))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// After a clean restart the partitions replay what they had not seen confirmed: the grains that hold it already
    /// must confirm it again, and a finished run whose sampling decision was lost is stored within a minute; otherwise
    /// the journal is never truncated again.
    /// </summary>
    [Fact]
    public async Task After_a_restart_the_journal_is_truncated_again_though_the_entities_it_replays_to_never_come_back()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var project = "p" + _run;
        using var silo = new SiloInstance(azurite.ConnectionString, "trunc-" + _run, project,
            new Dictionary<string, string> { ["AgentOps__Ingest__CheckpointInterval"] = "00:00:02" });
        await silo.StartAsync();
        using var client = silo.CreateClient();

        // Sanity: in steady state the journal empties (every grain checkpoints and confirms, truncation runs every 10 s).
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Run("warm", "a1", "u-warm")))).StatusCode);
        await Eventually.AssertAsync(async () => Assert.Equal(0, await EventRowsAsync(azurite.ConnectionString, project)), TimeSpan.FromSeconds(40));

        // A user seen once, then a clean restart before the partition truncated (grains write on deactivation, do not confirm).
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Run("once", "a1", "u-once")))).StatusCode);
        await Task.Delay(500);
        silo.Stop();
        Assert.True(await EventRowsAsync(azurite.ConnectionString, project) > 0);
        await silo.StartAsync();

        // The same agent keeps working (same partition) for other users; u-once never comes back.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/v1/events", Json(Run("after" + i, "a1", "u-other")))).StatusCode);
            await Task.Delay(1_000);
        }

        // TrajectoryShardGrain.UndecidedAfter (1 minute) plus a truncation tick (10 s).
        await Eventually.AssertAsync(async () => Assert.Equal(0, await EventRowsAsync(azurite.ConnectionString, project)), TimeSpan.FromSeconds(120));
    }
}
