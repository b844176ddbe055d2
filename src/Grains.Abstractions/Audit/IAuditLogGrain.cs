namespace AgentOps.Audit;

/// <summary>
/// A project's audit log (key: the project). The HTTP API and the dashboard record every admin action here; entries are
/// only ever appended. A stateless worker over the silo's audit store (Azure Table in the AzureStorage profile).
/// </summary>
[Alias("agentops.audit-log")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task RecordAsync(AuditEntry entry);

    /// <summary>Entries newest first, at most <see cref="AuditQuery.Limit"/> (1..1000).</summary>
    [Alias("query")]
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query);
}
