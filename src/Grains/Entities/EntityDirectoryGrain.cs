using Orleans.Concurrency;

namespace AgentOps.Entities;

/// <summary>
/// One shard of a project's index of entities of one kind, kept sorted for cursor paging. Registrations are group
/// committed: every id added while a write is running goes out together in the next write, so a burst of new users
/// costs a few storage writes, not one each. A registration answers once a write that holds its id has succeeded.
/// </summary>
[Reentrant]
public sealed class EntityDirectoryGrain(
    [PersistentState("directory", StorageNames.State)] IPersistentState<EntityDirectoryState> state)
    : Grain, IEntityDirectoryGrain
{
    /// <summary>The write that will hold every id added since the running write started; null when there are none.</summary>
    private TaskCompletionSource? _nextWrite;

    /// <summary>The write running now; null when none is.</summary>
    private TaskCompletionSource? _runningWrite;

    /// <summary>A write failed since the last that succeeded: ids in memory may not be stored, so a registration writes.</summary>
    private bool _unstored;

    public Task RegisterAsync(string id)
    {
        if (!state.State.Ids.Add(id) && !_unstored)
        {
            // Already known: it is durable unless a pending write still carries it.
            return (_nextWrite ?? _runningWrite)?.Task ?? Task.CompletedTask;
        }

        var write = _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_runningWrite is null)
        {
            // Starts the write at once (it takes this registration): it picks up what arrives while it runs.
            _ = WriteWhilePendingAsync();
        }

        return write.Task;
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

    /// <summary>Writes until no registration waits; runs on the grain's scheduler, interleaved with new registrations.</summary>
    private async Task WriteWhilePendingAsync()
    {
        while (_nextWrite is { } write)
        {
            _nextWrite = null;
            _runningWrite = write;
            try
            {
                await state.WriteStateAsync();
                _unstored = false;
                write.SetResult();
            }
            catch (Exception ex)
            {
                // The ids stay in memory and the next registration writes them (even one already known: the entity
                // whose delivery is retried registers again and would otherwise be told its id is stored).
                _unstored = true;
                write.SetException(ex);
            }
            finally
            {
                _runningWrite = null;
            }
        }
    }
}

/// <summary>The ids of one directory shard.</summary>
[GenerateSerializer]
public sealed class EntityDirectoryState
{
    [Id(0)] public SortedSet<string> Ids { get; set; } = new(StringComparer.Ordinal);
}
