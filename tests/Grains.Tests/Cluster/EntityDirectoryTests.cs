using AgentOps.Entities;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>The directory's group commit: concurrent registrations all answer, and what answered is stored.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EntityDirectoryTests(ClusterFixture fixture)
{
    private readonly string _project = "dir" + Guid.NewGuid().ToString("N")[..8];

    private IEntityDirectoryGrain Shard => fixture.Client.GetGrain<IEntityDirectoryGrain>(GrainKeys.ForShard(_project, "user", 0));

    [Fact]
    public async Task Concurrent_registrations_all_answer_and_survive_deactivation()
    {
        var ids = Enumerable.Range(0, 300).Select(i => $"user-{i:000}").ToList();

        // Every id twice at once: a repeat waits for the write that carries its id like the first registration does.
        await Task.WhenAll(ids.Concat(ids).Select(id => Shard.RegisterAsync(id)));
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var listed = await Shard.ListAsync(null, 1_000);
        Assert.Equal(ids, listed.Ids);
        Assert.False(listed.HasMore);
    }

    [Fact]
    public async Task Registering_a_known_id_again_changes_nothing()
    {
        await Shard.RegisterAsync("user-a");
        await Shard.RegisterAsync("user-a");
        await Shard.RegisterAsync("user-b");

        Assert.Equal(["user-a", "user-b"], (await Shard.ListAsync(null, 10)).Ids);
    }
}
