using System.Collections.Concurrent;

namespace AgentOps;

/// <summary>
/// Each silo's copy of a per-project value (rules, settings). Grains read it here, not from storage and not with a call
/// of their own: one refresh per project per interval per silo serves every grain, so a change reaches every active
/// grain within the interval and idle grains are never woken for it. After a failed refresh the last value is kept.
/// </summary>
public class ProjectValueCache<T>(Func<string, Task<T>> fetch, Func<TimeSpan> refreshInterval)
    where T : class
{
    private readonly ConcurrentDictionary<string, Entry> _values = new(StringComparer.Ordinal);

    /// <summary>The project's value, at most one refresh interval old.</summary>
    public async ValueTask<T> GetAsync(string project)
    {
        var entry = _values.GetOrAdd(project, static _ => new Entry());
        var value = entry.Value;
        if (value is not null && Environment.TickCount64 - entry.FetchedAt < (long)refreshInterval().TotalMilliseconds)
        {
            return value;
        }

        try
        {
            return await entry.RefreshAsync(() => fetch(project));
        }
        catch (Exception) when (value is not null)
        {
            return value;
        }
    }

    /// <summary>Drops this silo's copy (after a change made through this silo), so the next read refreshes.</summary>
    public void Invalidate(string project) => _values.TryRemove(project, out _);

    private sealed class Entry
    {
        private readonly Lock _lock = new();
        private Task<T>? _refresh;

        public T? Value { get; private set; }

        public long FetchedAt { get; private set; }

        /// <summary>Refreshes once for all concurrent readers; the call runs outside any grain's context.</summary>
        public Task<T> RefreshAsync(Func<Task<T>> fetch)
        {
            lock (_lock)
            {
                return _refresh ??= Task.Run(async () =>
                {
                    try
                    {
                        var value = await fetch();
                        Value = value;
                        FetchedAt = Environment.TickCount64;
                        return value;
                    }
                    finally
                    {
                        lock (_lock)
                        {
                            _refresh = null;
                        }
                    }
                });
            }
        }
    }
}
