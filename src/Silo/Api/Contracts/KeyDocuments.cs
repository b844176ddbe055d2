using AgentOps.Keys;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>The body of <c>POST /v1/keys</c>.</summary>
public sealed class KeyRequest
{
    public string? Role { get; set; }

    public string? Name { get; set; }

    /// <summary>Days until the key stops working by itself; none = until revoked.</summary>
    public int? ExpiresInDays { get; set; }
}

/// <summary>The body of <c>POST /v1/keys/{keyId}/rotate</c>.</summary>
public sealed class RotateKeyRequest
{
    /// <summary>Minutes the old key keeps working so clients can switch (default 60, at most 7 days; 0 = at once).</summary>
    public int? GraceMinutes { get; set; }
}

/// <summary>A key as listed: never the key itself, only the first characters of a managed key.</summary>
public sealed record KeyResponse(
    string Id,
    string Source,
    string Role,
    string? Name,
    string? Prefix,
    string State,
    DateTimeOffset? CreatedAt,
    string? CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    string? RotatedTo)
{
    public static KeyResponse From(ManagedApiKey key, DateTimeOffset now) => new(
        key.Id, "api", key.Role, key.Name, key.Prefix,
        key.RevokedAt is not null ? "revoked" : key.IsActive(now) ? "active" : "expired",
        key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt, key.RevokedBy, key.RotatedTo);

    public static KeyResponse From(KeyIdentity configured) =>
        new(configured.KeyId, "configuration", configured.Role, null, null, "active", null, null, null, null, null, null);
}

/// <summary>A new key: the only answer that ever holds the key itself.</summary>
public sealed record CreatedKeyResponse(string Key, KeyResponse Details);

/// <summary><c>GET /v1/keys</c>.</summary>
public sealed record KeyListResponse(IReadOnlyList<KeyResponse> Items);
