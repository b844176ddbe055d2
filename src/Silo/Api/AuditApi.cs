using AgentOps.Audit;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary><c>GET /v1/audit</c>: who changed which rule, policy, channel, silence, setting or key, and when (admin only).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/audit", ListAsync).RequireAuthorization(Roles.Admin)
            .WithName("ListAuditEntries").WithSummary("The project's audit log, newest first, by action, actor and time, paged with cursor")
            .Produces<AuditListResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster, string? action, string? actor, DateTimeOffset? before, string? cursor, int? limit)
    {
        if (ApiArguments.Limit(limit, 100, AuditLogGrain.MaxLimit, out var take) is { } invalid)
        {
            return invalid;
        }

        if (action is { Length: > 64 } || actor is { Length: > 200 })
        {
            return Problems.BadRequest(ProblemCodes.InvalidAuditQuery, "action is at most 64 and actor at most 200 characters.");
        }

        if (cursor is not null && (cursor.Length > 64 || !cursor.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return Problems.BadRequest(ProblemCodes.InvalidCursor, "cursor must be a nextCursor of a previous answer.");
        }

        var entries = await cluster.GetGrain<IAuditLogGrain>(http.User.Project())
            .QueryAsync(new AuditQuery { Action = action, Actor = actor, Before = before, After = cursor, Limit = take });
        return Results.Json(
            new AuditListResponse(entries.Select(AuditEntryResponse.From).ToList(), entries.Count == take ? entries[^1].Position : null),
            AgentOpsJsonContext.Default.AuditListResponse);
    }
}
