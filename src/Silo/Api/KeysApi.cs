using AgentOps.Audit;
using AgentOps.Keys;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>
/// API keys of the caller's project (admin only): <c>POST/GET /v1/keys</c>, <c>POST /v1/keys/{keyId}/rotate</c>,
/// <c>DELETE /v1/keys/{keyId}</c>. A new key is shown once; only its hash and first characters are kept.
/// </summary>
public static class KeysApi
{
    private const int MaxNameLength = 128;
    private const int MaxExpiresInDays = 3650;
    private const int DefaultGraceMinutes = 60;
    private const int MaxGraceMinutes = 7 * 24 * 60;

    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/keys", CreateAsync).RequireAuthorization(Roles.Admin)
            .WithName("CreateKey").WithSummary("Make an API key of the project (the key is in this answer only)")
            .AcceptsJson<KeyRequest>().Produces<CreatedKeyResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        v1.MapGet("/keys", ListAsync).RequireAuthorization(Roles.Admin)
            .WithName("ListKeys").WithSummary("The project's keys: configured and made through the API, never the keys themselves").Produces<KeyListResponse>();
        v1.MapPost("/keys/{keyId}/rotate", RotateAsync).RequireAuthorization(Roles.Admin)
            .WithName("RotateKey").WithSummary("Replace a key: a new key now, the old one expires after a grace period")
            .AcceptsJson<RotateKeyRequest>().Produces<CreatedKeyResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        v1.MapDelete("/keys/{keyId}", RevokeAsync).RequireAuthorization(Roles.Admin)
            .WithName("RevokeKey").WithSummary("Revoke a key at once").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IClusterClient cluster, ManagedKeyCache cache, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    {
        var (request, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.KeyRequest, ProblemCodes.InvalidKeyRequest);
        if (request is null)
        {
            return invalidBody!;
        }

        var errors = new List<string>();
        if (!Roles.IsKnown(request.Role))
        {
            errors.Add($"role must be ingest, read or admin (got '{request.Role}')");
        }

        if (request.Name is { Length: > MaxNameLength } || request.Name?.Any(char.IsControl) == true)
        {
            errors.Add($"name is at most {MaxNameLength} characters without control characters");
        }

        if (request.ExpiresInDays is < 1 or > MaxExpiresInDays)
        {
            errors.Add($"expiresInDays must be between 1 and {MaxExpiresInDays}");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(ProblemCodes.InvalidKeyRequest, string.Join("; ", errors) + ".");
        }

        var now = time.GetUtcNow();
        var (key, record) = ManagedKeyFactory.Create(
            http.User.Project(), request.Role!, request.Name, http.User.Actor(), now, request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        if (!await cluster.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).AddAsync(record))
        {
            return Problems.Create(StatusCodes.Status409Conflict, ProblemCodes.TooManyKeys, "The project has too many keys.",
                "Revoke keys that are no longer used before making new ones.");
        }

        cache.Invalidate();
        await AuditTrail.RecordAsync(http, AuditActions.KeyCreate, "key/" + record.Id, $"role {record.Role}");
        return Created(key, record, now);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ManagedKeyCache cache, KeyRing configured, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    {
        var project = http.User.Project();
        var now = time.GetUtcNow();
        var items = configured.Of(project).Select(KeyResponse.From).Concat((await cache.OfAsync(project)).Select(k => KeyResponse.From(k, now))).ToList();
        return Results.Json(new KeyListResponse(items), AgentOpsJsonContext.Default.KeyListResponse);
    }

    private static async Task<IResult> RotateAsync(
        HttpContext http, IClusterClient cluster, ManagedKeyCache cache, KeyRing configured, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time, string keyId)
    {
        if (Configured(http, configured, keyId) is { } refused)
        {
            return refused;
        }

        var (request, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.RotateKeyRequest, ProblemCodes.InvalidKeyRequest, allowEmpty: true);
        if (invalidBody is not null)
        {
            return invalidBody;
        }

        var grace = request?.GraceMinutes ?? DefaultGraceMinutes;
        if (grace is < 0 or > MaxGraceMinutes)
        {
            return Problems.BadRequest(ProblemCodes.InvalidKeyRequest, $"graceMinutes must be between 0 and {MaxGraceMinutes}.");
        }

        var project = http.User.Project();
        var old = (await cache.OfAsync(project)).FirstOrDefault(k => k.Id == keyId);
        var now = time.GetUtcNow();
        if (old is null || !old.IsActive(now))
        {
            return Problems.NotFound($"active key '{keyId}'");
        }

        if (old.RotatedTo is { } replacement)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ProblemCodes.KeyRotated, "The key was rotated already.",
                $"Rotate its replacement, '{replacement}', or revoke this key to end its grace period now.");
        }

        if ((await cache.OfAsync(project)).Count(k => k.IsActive(now)) >= ApiKeyDirectoryGrain.MaxKeysPerProject)
        {
            return Problems.Create(StatusCodes.Status409Conflict, ProblemCodes.TooManyKeys, "The project has too many keys.",
                "A rotation adds a key while the old one is in its grace period: revoke keys that are no longer used first.");
        }

        var (key, record) = ManagedKeyFactory.Create(project, old.Role, old.Name, http.User.Actor(), now, old.ExpiresAt);
        if (await cluster.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).RotateAsync(project, keyId, record, now.AddMinutes(grace)) is null)
        {
            return Problems.NotFound($"active key '{keyId}'");
        }

        cache.Invalidate();
        await AuditTrail.RecordAsync(http, AuditActions.KeyRotate, "key/" + keyId, $"replaced by {record.Id}; old key works for {grace} more minutes");
        return Created(key, record, now);
    }

    private static async Task<IResult> RevokeAsync(
        HttpContext http, IClusterClient cluster, ManagedKeyCache cache, KeyRing configured, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time, string keyId)
    {
        if (Configured(http, configured, keyId) is { } refused)
        {
            return refused;
        }

        var revoked = await cluster.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).RevokeAsync(http.User.Project(), keyId, http.User.Actor(), time.GetUtcNow());
        if (revoked is null)
        {
            return Problems.NotFound($"key '{keyId}'");
        }

        cache.Invalidate();
        await AuditTrail.RecordAsync(http, AuditActions.KeyRevoke, "key/" + keyId);
        return Results.NoContent();
    }

    /// <summary>Configured keys live in configuration or Key Vault: they are changed there, not through the API.</summary>
    private static IResult? Configured(HttpContext http, KeyRing configured, string keyId) =>
        configured.Of(http.User.Project()).Any(k => k.KeyId == keyId)
            ? Problems.Create(StatusCodes.Status409Conflict, ProblemCodes.KeyConfigured, "The key is configured, not managed.",
                $"Key '{keyId}' comes from configuration (AgentOps:Keys); remove or replace it there.")
            : null;

    private static IResult Created(string key, ManagedApiKey record, DateTimeOffset now) =>
        Results.Json(new CreatedKeyResponse(key, KeyResponse.From(record, now)), AgentOpsJsonContext.Default.CreatedKeyResponse, statusCode: StatusCodes.Status201Created);
}
