namespace AgentOps.Entities;

/// <summary>
/// One shard of the index of a project's entities of one kind (key <c>{project}/{kind}/{shard}</c>).
/// Sharding by id hash keeps listing 100k agents off any single hot grain.
/// </summary>
[Alias("agentops.entity-directory")]
public interface IEntityDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds an entity id to the shard (idempotent).</summary>
    [Alias("register")]
    Task RegisterAsync(string id);

    /// <summary>Up to <paramref name="limit"/> ids after <paramref name="after"/>, in ordinal order.</summary>
    [Alias("list")]
    Task<EntityIdPage> ListAsync(string? after, int limit);
}
