namespace AgentOps.Audit;

/// <summary>Where audit entries live: append-only, per project, read newest first (Azure Table or memory).</summary>
public interface IAuditStore
{
    Task AppendAsync(string project, AuditEntry entry);

    /// <summary>Entries matching <paramref name="query"/>, newest first, at most its limit.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query);
}
