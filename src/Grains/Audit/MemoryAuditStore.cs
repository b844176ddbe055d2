using System.Collections.Concurrent;
using System.Globalization;

namespace AgentOps.Audit;

/// <summary>The Local profile's audit log: the newest <see cref="MaxEntriesPerProject"/> entries of each project, in memory.</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    public const int MaxEntriesPerProject = 10_000;

    private readonly ConcurrentDictionary<string, Log> _projects = new(StringComparer.Ordinal);

    public Task AppendAsync(string project, AuditEntry entry)
    {
        var log = _projects.GetOrAdd(project, _ => new Log());
        lock (log)
        {
            // Positions count down, so that newer entries sort first like the table store's inverted-tick keys.
            log.Entries.AddFirst(entry with { Position = (long.MaxValue - ++log.Appended).ToString("D19", CultureInfo.InvariantCulture) });
            if (log.Entries.Count > MaxEntriesPerProject)
            {
                log.Entries.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query)
    {
        if (!_projects.TryGetValue(project, out var log))
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([]);
        }

        lock (log)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(log.Entries
                .Where(e => query.After is null || string.CompareOrdinal(e.Position, query.After) > 0)
                .Where(query.Matches).Take(query.Limit).ToList());
        }
    }

    private sealed class Log
    {
        public LinkedList<AuditEntry> Entries { get; } = new();

        public long Appended { get; set; }
    }
}
