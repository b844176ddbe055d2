using AgentOps.Audit;
using AgentOps.Dashboard.Security;

namespace AgentOps.Dashboard.Services;

/// <summary>The audit log as the audit page reads it: admins of the project only.</summary>
public interface IAuditService
{
    /// <summary>Entries newest first; <see cref="AuditQuery.After"/> (the last entry's position) pages back.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query);
}

public sealed class AuditService(IAuditLog log, ProjectAccess access) : IAuditService
{
    public Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query)
    {
        access.Demand(project, DashboardAction.ReadAudit);
        return log.QueryAsync(project, query);
    }
}
