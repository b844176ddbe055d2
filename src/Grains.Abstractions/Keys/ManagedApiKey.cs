namespace AgentOps.Keys;

/// <summary>
/// An API key made through <c>/v1/keys</c>. Only its SHA-256 <see cref="Hash"/> and its first characters
/// (<see cref="Prefix"/>, to recognise it in lists) are kept; the key itself is shown once, when made.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.managed-api-key")]
public sealed record ManagedApiKey
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Project { get; init; }
    [Id(2)] public required string Role { get; init; }
    [Id(3)] public string? Name { get; init; }
    [Id(4)] public required string Prefix { get; init; }
    [Id(5)] public required byte[] Hash { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public required string CreatedBy { get; init; }
    [Id(8)] public DateTimeOffset? ExpiresAt { get; init; }
    [Id(9)] public DateTimeOffset? RevokedAt { get; init; }
    [Id(10)] public string? RevokedBy { get; init; }
    /// <summary>The key that replaced this one when it was rotated.</summary>
    [Id(11)] public string? RotatedTo { get; init; }

    /// <summary>True while the key may be used.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
