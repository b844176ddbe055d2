using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Entities;
using AgentOps.Rules;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Alerts and silences: <c>/v1/alerts</c>, <c>/v1/alerts/{alertId}/ack</c>, <c>/v1/silences</c>.</summary>
public static class AlertsApi
{
    private const int MaxAlerts = 1_000;

    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/alerts", ListAsync).RequireAuthorization(Roles.Read)
            .WithName("ListAlerts").WithSummary("Alerts by state (firing, pending, resolved or all), scope, entity and rule")
            .Produces<AlertListResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapGet("/alerts/{alertId}", GetAsync).RequireAuthorization(Roles.Read)
            .WithName("GetAlert").WithSummary("One alert").Produces<AlertResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/alerts/{alertId}/ack", AcknowledgeAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.AlertAck, "alert/{alertId}")
            .WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert").AcceptsJson<AckRequest>()
            .Produces<AlertResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/silences", AddSilenceAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.SilenceCreate, "silence/{id}")
            .WithName("AddSilence").WithSummary("Mute notifications (not evaluation) of matching alerts for a while")
            .AcceptsJson<SilenceDocument>().Produces<SilenceDocument>(StatusCodes.Status201Created);
        v1.MapGet("/silences", ListSilencesAsync).RequireAuthorization(Roles.Read)
            .WithName("ListSilences").WithSummary("Silences that have not ended").Produces<SilenceListResponse>();
        v1.MapDelete("/silences/{silenceId}", ExpireSilenceAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.SilenceDelete, "silence/{silenceId}")
            .WithName("ExpireSilence").WithSummary("End a silence now").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster, string? state, string? scope, string? entityId, string? ruleId, int? limit)
    {
        AlertState? parsedState = state switch
        {
            null or "all" => null,
            "firing" => AlertState.Firing,
            "pending" => AlertState.Pending,
            "resolved" => AlertState.Resolved,
            _ => (AlertState)255,
        };
        var parsedScope = scope is null ? null : RuleWire.ParseScope(scope);
        var invalidLimit = ApiArguments.Limit(limit, 500, MaxAlerts, out var take);
        if (parsedState == (AlertState)255 || (scope is not null && parsedScope is null))
        {
            return Problems.BadRequest(ProblemCodes.InvalidFilter, "state must be firing, pending, resolved or all; scope must be agent, route or user.");
        }

        if ((invalidLimit ?? (entityId is null ? null : ApiArguments.Id(entityId, "entityId")) ?? (ruleId is null ? null : ApiArguments.Id(ruleId, "ruleId"))) is { } invalid)
        {
            return invalid;
        }

        var alerts = await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).ListAsync(parsedState, parsedScope, entityId, ruleId, take);
        return Results.Json(new AlertListResponse(alerts.Select(AlertResponse.From).ToList()), AgentOpsJsonContext.Default.AlertListResponse);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, string alertId)
    {
        var alert = await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).FindAsync(alertId);
        return alert is null ? Problems.NotFound($"alert '{alertId}'") : Results.Json(AlertResponse.From(alert), AgentOpsJsonContext.Default.AlertResponse);
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext http, IClusterClient cluster, string alertId)
    {
        var (request, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.AckRequest, ProblemCodes.InvalidAck);
        if (request is null)
        {
            return invalidBody!;
        }

        if (string.IsNullOrWhiteSpace(request.By) || request.By.Length > 128 || request.Comment is { Length: > 1024 })
        {
            return Problems.BadRequest(ProblemCodes.InvalidAck, "by is required (at most 128 characters); comment is at most 1024 characters.");
        }

        var alert = await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).AcknowledgeAsync(alertId, request.By, request.Comment);
        return alert is null ? Problems.NotFound($"alert '{alertId}'") : Results.Json(AlertResponse.From(alert), AgentOpsJsonContext.Default.AlertResponse);
    }

    private static async Task<IResult> AddSilenceAsync(HttpContext http, IClusterClient cluster, [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    {
        var (document, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.SilenceDocument, ProblemCodes.InvalidSilence);
        if (document is null)
        {
            return invalidBody!;
        }

        var matchers = document.Matchers ?? new SilenceMatchers();
        var scope = matchers.Scope is null ? null : RuleWire.ParseScope(matchers.Scope);
        var now = time.GetUtcNow();
        var startsAt = document.StartsAt ?? now;
        var errors = new List<string>();
        if (matchers.Scope is not null && scope is null)
        {
            errors.Add("matchers.scope must be agent, route or user");
        }

        if ((matchers.RuleId is not null && !EntityIds.IsValid(matchers.RuleId)) || (matchers.EntityId is not null && !EntityIds.IsValid(matchers.EntityId)))
        {
            errors.Add("matchers.ruleId and matchers.entityId must be valid ids");
        }

        if (document.EndsAt is not { } endsAt || endsAt <= startsAt || endsAt <= now)
        {
            errors.Add("endsAt is required and must be after startsAt and in the future");
        }

        if (document.Comment is { Length: > 1024 })
        {
            errors.Add("comment is at most 1024 characters");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(ProblemCodes.InvalidSilence, string.Join("; ", errors) + ".");
        }

        var silence = await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).AddSilenceAsync(new Silence
        {
            Id = string.Empty,
            RuleId = matchers.RuleId,
            Scope = scope,
            EntityId = matchers.EntityId,
            StartsAt = startsAt,
            EndsAt = document.EndsAt!.Value,
            Comment = document.Comment,
            CreatedBy = http.User.Actor(),
        });
        return Results.Json(SilenceDocument.From(silence), AgentOpsJsonContext.Default.SilenceDocument, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListSilencesAsync(HttpContext http, IClusterClient cluster)
    {
        var silences = await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).ListSilencesAsync();
        return Results.Json(new SilenceListResponse(silences.Select(SilenceDocument.From).ToList()), AgentOpsJsonContext.Default.SilenceListResponse);
    }

    private static async Task<IResult> ExpireSilenceAsync(HttpContext http, IClusterClient cluster, string silenceId) =>
        await cluster.GetGrain<IAlertBoardGrain>(http.User.Project()).ExpireSilenceAsync(silenceId)
            ? Results.NoContent()
            : Problems.NotFound($"silence '{silenceId}'");
}
