using AgentOps.Audit;

namespace AgentOps.Dashboard.Services;

/// <summary>A project's audit log in the cluster (<see cref="IAuditLogGrain"/>): append an entry, read entries newest first.</summary>
public interface IAuditLog
{
    Task RecordAsync(string project, AuditEntry entry);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query);
}

public sealed class AuditLog(IClusterClient client, GrainCalls calls) : IAuditLog
{
    public Task RecordAsync(string project, AuditEntry entry) =>
        calls.RunAsync(() => client.GetGrain<IAuditLogGrain>(project).RecordAsync(entry));

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query) =>
        calls.RunAsync(() => client.GetGrain<IAuditLogGrain>(project).QueryAsync(query));
}
