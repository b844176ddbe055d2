using System.Globalization;
using System.Net.Http.Json;
using AgentOps.Entities;
using AgentOps.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Tests;

/// <summary>The ingest partitions judge tool calls by a copy of each agent's policy; a change they missed reaches them.</summary>
[Collection(SiloCollection.Name)]
public sealed class PolicyCopyTests(SiloFactory silo)
{
    private readonly HttpClient _client = silo.ClientWithKey();

    [Fact]
    public async Task A_partition_whose_copy_missed_a_change_judges_by_the_agents_policy_once_the_copy_lapses()
    {
        var agent = "copied-" + Guid.NewGuid().ToString("N")[..6];
        (await _client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { allowedTools = new[] { "read_*" } })).EnsureSuccessStatusCode();

        // The push of that change got lost: the partition's copy says the agent has no policy, so anything goes.
        var partition = KeyHash.Bucket(agent, silo.Services.GetRequiredService<IOptions<IngestOptions>>().Value.Partitions);
        await silo.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIngestPartitionGrain>(GrainKeys.For("alpha", partition.ToString(CultureInfo.InvariantCulture)))
            .PolicyChangedAsync(agent, null);

        silo.Clock.Advance(IngestPartitionGrain.PolicyCopyLifetime + TimeSpan.FromSeconds(1));
        var now = silo.Clock.GetUtcNow();
        (await _client.PostEventsAsync([Ev.Of("tool_call", agent, "r1", now.AddSeconds(-1)).With("tool", "send_email")])).EnsureSuccessStatusCode();

        await Eventually.AssertAsync(async () =>
            Assert.Single((await _client.GetJsonAsync($"/v1/agents/{agent}/violations"))["items"]!.AsArray()));
    }
}
