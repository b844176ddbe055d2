namespace AgentOps.Audit;

/// <summary>
/// Which audit entries to answer, newest first: optionally one action or actor, older than a time, and after the
/// <see cref="AuditEntry.Position"/> of the last entry of the previous page.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.audit-query")]
public sealed record AuditQuery
{
    [Id(0)] public string? Action { get; init; }
    [Id(1)] public string? Actor { get; init; }
    [Id(2)] public DateTimeOffset? Before { get; init; }
    [Id(3)] public int Limit { get; init; } = 100;
    [Id(4)] public string? After { get; init; }

    /// <summary>True when <paramref name="entry"/> passes the filters (the limit aside).</summary>
    public bool Matches(AuditEntry entry) =>
        (Action is null || entry.Action == Action) && (Actor is null || entry.Actor == Actor) && (Before is null || entry.At < Before);
}
