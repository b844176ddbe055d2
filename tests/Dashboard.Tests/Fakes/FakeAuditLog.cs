using AgentOps.Audit;
using AgentOps.Dashboard.Services;

namespace AgentOps.Dashboard.Tests.Fakes;

/// <summary>An audit log in memory, answering queries as the grain does (newest first, filters, before, after a position, limit).</summary>
public sealed class FakeAuditLog : IAuditLog, IAuditService
{
    public List<(string Project, AuditEntry Entry)> Recorded { get; } = [];

    public List<AuditQuery> Queries { get; } = [];

    /// <summary>When set, recording fails with it (the silo's audit store is down).</summary>
    public Exception? Failure { get; set; }

    public Task RecordAsync(string project, AuditEntry entry)
    {
        if (Failure is not null)
        {
            return Task.FromException(Failure);
        }

        Recorded.Add((project, entry));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query)
    {
        Queries.Add(query);
        IReadOnlyList<AuditEntry> entries = Recorded
            .Select((r, i) => (r.Project, Entry: r.Entry with { Position = PositionOf(i) }))
            .Where(r => r.Project == project)
            .Select(r => r.Entry)
            .Where(e => query.Action is null || e.Action == query.Action)
            .Where(e => query.Actor is null || e.Actor == query.Actor)
            .Where(e => query.Before is null || e.At < query.Before)
            .OrderByDescending(e => e.At)
            .SkipWhile(e => query.After is not null && e.Position != query.After).Skip(query.After is null ? 0 : 1)
            .Take(query.Limit)
            .ToList();
        return Task.FromResult(entries);
    }

    /// <summary>The position the store gives the <paramref name="index"/>-th recorded entry.</summary>
    public static string PositionOf(int index) => index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
}
