using AgentOps.Keys;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>The one grain that holds every project's managed keys stays bounded whatever one project does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiKeyDirectoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_project_that_keeps_making_and_revoking_keys_lists_at_most_its_bound_and_keeps_its_keys_in_use()
    {
        var project = "keys" + Guid.NewGuid().ToString("N")[..8];
        var directory = fixture.Client.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key);
        var start = DateTimeOffset.UtcNow;
        var live = Key(project, "live", start);
        Assert.True(await directory.AddAsync(live));
        for (var i = 0; i < ApiKeyDirectoryGrain.MaxListedPerProject + 20; i++)
        {
            var key = Key(project, $"k{i}", start);
            Assert.True(await directory.AddAsync(key));
            await directory.RevokeAsync(project, key.Id, "ana", start.AddSeconds(i));
        }

        var listed = (await directory.GetAllAsync()).Keys.Where(k => k.Project == project).Select(k => k.Id).ToList();
        Assert.Equal(ApiKeyDirectoryGrain.MaxListedPerProject, listed.Count);
        Assert.Contains(live.Id, listed);
        Assert.DoesNotContain($"{project}-k0", listed); // the longest ended go first
        Assert.Contains($"{project}-k{ApiKeyDirectoryGrain.MaxListedPerProject + 19}", listed);
    }

    private static ManagedApiKey Key(string project, string name, DateTimeOffset at) => new()
    {
        Id = $"{project}-{name}",
        Project = project,
        Role = "read",
        Prefix = "aog_" + name,
        Hash = new byte[32],
        CreatedAt = at,
        CreatedBy = "ana",
    };
}
