using Orleans.Concurrency;

namespace AgentOps.Audit;

/// <summary>A project's audit log over the silo's <see cref="IAuditStore"/>; any silo can serve it.</summary>
[StatelessWorker]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public const int MaxLimit = 1_000;

    public Task RecordAsync(AuditEntry entry) => store.AppendAsync(this.GetPrimaryKeyString(), entry);

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query) =>
        store.QueryAsync(this.GetPrimaryKeyString(), query with { Limit = Math.Clamp(query.Limit, 1, MaxLimit) });
}
