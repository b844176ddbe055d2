using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Live state of agents, routes and users: <c>/v1/{agents|routes|users}[/{agentId|routeId|userId}]</c>.</summary>
public static class EntitiesApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1_000;

    public static RouteGroupBuilder MapEntitiesApi(this RouteGroupBuilder v1)
    {
        // One handler per kind only so that each binds (and documents) its id under API.md's name.
        MapKind(v1, "agents", EntityKind.Agent,
            (HttpContext http, IClusterClient cluster, string agentId, string? window) => GetAsync(http, cluster, EntityKind.Agent, agentId, window));
        MapKind(v1, "routes", EntityKind.Route,
            (HttpContext http, IClusterClient cluster, string routeId, string? window) => GetAsync(http, cluster, EntityKind.Route, routeId, window));
        MapKind(v1, "users", EntityKind.User,
            (HttpContext http, IClusterClient cluster, string userId, string? window) => GetAsync(http, cluster, EntityKind.User, userId, window));
        return v1;
    }

    private static void MapKind(RouteGroupBuilder v1, string plural, EntityKind kind, Delegate getOne)
    {
        var singular = kind.ToWire();
        var title = char.ToUpperInvariant(singular[0]) + singular[1..];
        v1.MapGet($"/{plural}", (HttpContext http, IClusterClient cluster, string? window, int? limit, string? cursor) =>
                ListAsync(http, cluster, kind, window, limit, cursor))
            .RequireAuthorization(Roles.Read)
            .WithName($"List{title}s")
            .WithSummary($"List the project's {plural} with their live metrics")
            .Produces<EntityListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        v1.MapGet($"/{plural}/{{{singular}Id}}", getOne)
            .RequireAuthorization(Roles.Read)
            .WithName($"Get{title}")
            .WithSummary($"The live state of one {singular} over a window (default 1h)")
            .Produces<EntityStateResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, EntityKind kind, string id, string? windowText)
    {
        var invalidId = ApiArguments.Id(id, $"{kind.ToWire()}Id");
        var invalidWindow = ApiArguments.Window(windowText, out var window);
        if ((invalidId ?? invalidWindow) is { } invalid)
        {
            return invalid;
        }

        var snapshot = await EntityGrains.Get(cluster, kind, http.User.Project(), id).GetSnapshotAsync(window);
        return snapshot is null
            ? Problems.NotFound($"{kind.ToWire()} '{id}'")
            : Results.Json(EntityStateResponse.From(snapshot, windowText), AgentOpsJsonContext.Default.EntityStateResponse);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, IClusterClient cluster, EntityKind kind, string? windowText, int? requestedLimit, string? cursor)
    {
        var invalidWindow = ApiArguments.Window(windowText, out var window);
        var invalidLimit = ApiArguments.Limit(requestedLimit, DefaultPageSize, MaxPageSize, out var limit);
        var invalidCursor = ApiArguments.Cursor(cursor, out var after);
        if ((invalidWindow ?? invalidLimit ?? invalidCursor) is { } invalid)
        {
            return invalid;
        }

        var project = http.User.Project();
        var page = await cluster.GetGrain<IProjectQueryGrain>(project).ListIdsAsync(kind, after, limit);
        var ids = page.Ids;
        var hasMore = page.HasMore;
        var snapshots = await Task.WhenAll(ids.Select(id => EntityGrains.Get(cluster, kind, project, id).GetSnapshotAsync(window)));
        var items = snapshots.OfType<EntitySnapshot>()
            .Select(s => new EntityListItem(s.Id, s.LastEventAt, s.Metrics, s.FiringAlerts))
            .ToList();
        var next = hasMore && ids.Count > 0 ? ApiArguments.EncodeCursor(ids[^1]) : null;
        return Results.Json(new EntityListResponse(items, next), AgentOpsJsonContext.Default.EntityListResponse);
    }
}
