namespace AgentOps.Audit;

/// <summary>
/// One admin action: who (<see cref="Actor"/>: <c>key:{keyId}</c> for an API key, <c>user:{name}</c> for a dashboard
/// user) did what (<see cref="Action"/>, one of <see cref="AuditActions"/>) to which object (<see cref="Target"/>, e.g.
/// <c>rule/cost-spike</c>), when. <see cref="Detail"/> is a short, secret-free description.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.audit-entry")]
public sealed record AuditEntry
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    [Id(1)] public required string Actor { get; init; }
    [Id(2)] public required string Action { get; init; }
    [Id(3)] public required string Target { get; init; }
    [Id(4)] public string? Detail { get; init; }

    /// <summary>The entry's place in the log, set by the store: pass it as <see cref="AuditQuery.After"/> to read on from here.</summary>
    [Id(5)] public string? Position { get; init; }
}
