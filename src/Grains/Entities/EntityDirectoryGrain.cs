namespace AgentOps.Entities;

/// <summary>One shard of a project's index of entities of one kind, kept sorted for cursor paging.</summary>
public sealed class EntityDirectoryGrain(
    [PersistentState("directory", StorageNames.State)] IPersistentState<EntityDirectoryState> state)
    : Grain, IEntityDirectoryGrain
{
    public async Task RegisterAsync(string id)
    {
        if (state.State.Ids.Add(id))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<EntityIdPage> ListAsync(string? after, int limit)
    {
        IEnumerable<string> ids = state.State.Ids;
        if (after is not null)
        {
            ids = ids.SkipWhile(id => string.CompareOrdinal(id, after) <= 0);
        }

        var page = ids.Take(limit + 1).ToList();
        var hasMore = page.Count > limit;
        return Task.FromResult(new EntityIdPage(hasMore ? page[..limit] : page, hasMore));
    }
}

/// <summary>The ids of one directory shard.</summary>
[GenerateSerializer]
public sealed class EntityDirectoryState
{
    [Id(0)] public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
