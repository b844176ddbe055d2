namespace AgentOps.Silo.Storage;

/// <summary>
/// An asynchronous one-time initialization (create a table or container) that is tried again after a failure, unlike
/// <see cref="Lazy{T}"/> of a task, which would keep the failed task forever after a storage outage.
/// </summary>
public sealed class RetryingLazy<T>(Func<Task<T>> create)
{
    private readonly Lock _lock = new();
    private Task<T>? _task;

    public Task<T> Value
    {
        get
        {
            lock (_lock)
            {
                if (_task is null || _task.IsFaulted || _task.IsCanceled)
                {
                    _task = create();
                }

                return _task;
            }
        }
    }
}
