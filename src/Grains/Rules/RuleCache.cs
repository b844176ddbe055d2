using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentOps.Rules;

/// <summary>
/// Each silo's copy of its projects' rules. Entity grains read rules here, not from storage and not with a call of
/// their own: one refresh per project per <see cref="RulesOptions.RefreshInterval"/> per silo serves every grain, so a
/// rule change reaches every active grain within seconds and idle grains are never woken for it.
/// </summary>
public sealed class RuleCache(IGrainFactory grains, IOptions<RulesOptions> options)
{
    private readonly ConcurrentDictionary<string, Entry> _books = new(StringComparer.Ordinal);

    /// <summary>The project's rules, at most <see cref="RulesOptions.RefreshInterval"/> old.</summary>
    public async ValueTask<RuleBook> GetAsync(string project)
    {
        var entry = _books.GetOrAdd(project, static _ => new Entry());
        var book = entry.Book;
        if (book is not null && Environment.TickCount64 - entry.FetchedAt < (long)options.Value.RefreshInterval.TotalMilliseconds)
        {
            return book;
        }

        try
        {
            return await entry.RefreshAsync(() => grains.GetGrain<IRuleBookGrain>(project).GetAsync());
        }
        catch (Exception) when (book is not null)
        {
            return book; // keep judging with the last known rules while the rule book is unreachable
        }
    }

    /// <summary>Drops this silo's copy (after a change made through this silo), so the next read refreshes.</summary>
    public void Invalidate(string project) => _books.TryRemove(project, out _);

    private sealed class Entry
    {
        private readonly Lock _lock = new();
        private Task<RuleBook>? _refresh;

        public RuleBook? Book { get; private set; }

        public long FetchedAt { get; private set; }

        /// <summary>Refreshes once for all concurrent readers; the call runs outside any grain's context.</summary>
        public Task<RuleBook> RefreshAsync(Func<Task<RuleBook>> fetch)
        {
            lock (_lock)
            {
                return _refresh ??= Task.Run(async () =>
                {
                    try
                    {
                        var book = await fetch();
                        Book = book;
                        FetchedAt = Environment.TickCount64;
                        return book;
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
