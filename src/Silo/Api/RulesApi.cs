using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Rules;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Alert rules: <c>PUT/GET/DELETE /v1/rules/{ruleId}</c> and <c>GET /v1/rules</c>.</summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/rules", ListAsync).RequireAuthorization(Roles.Read)
            .WithName("ListRules").WithSummary("The project's alert rules").Produces<RuleListResponse>();
        v1.MapGet("/rules/{ruleId}", GetAsync).RequireAuthorization(Roles.Read)
            .WithName("GetRule").WithSummary("One alert rule").Produces<RuleDocument>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapPut("/rules/{ruleId}", PutAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.RulePut, "rule/{ruleId}")
            .WithName("PutRule").WithSummary("Create or replace an alert rule; it reaches every matching grain within seconds")
            .AcceptsJson<RuleDocument>().Produces<RuleDocument>().ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapDelete("/rules/{ruleId}", DeleteAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.RuleDelete, "rule/{ruleId}")
            .WithName("DeleteRule").WithSummary("Remove an alert rule.ProducesProblem(StatusCodes.Status400BadRequest); its open alerts resolve").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var book = await cluster.GetGrain<IRuleBookGrain>(http.User.Project()).GetAsync();
        return Results.Json(new RuleListResponse(book.Rules.Select(RuleWire.ToDocument).ToList(), book.Version), AgentOpsJsonContext.Default.RuleListResponse);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, string ruleId)
    {
        if (ApiArguments.Id(ruleId, "ruleId") is { } invalid)
        {
            return invalid;
        }

        var book = await cluster.GetGrain<IRuleBookGrain>(http.User.Project()).GetAsync();
        return book.Rules.FirstOrDefault(r => r.Id == ruleId) is { } rule
            ? Results.Json(RuleWire.ToDocument(rule), AgentOpsJsonContext.Default.RuleDocument)
            : Problems.NotFound($"rule '{ruleId}'");
    }

    private static async Task<IResult> PutAsync(HttpContext http, IClusterClient cluster, RuleCache rules, string ruleId)
    {
        if (ApiArguments.Id(ruleId, "ruleId") is { } invalid)
        {
            return invalid;
        }

        var (document, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.RuleDocument, ProblemCodes.InvalidRule);
        if (document is null)
        {
            return invalidBody!;
        }

        var project = http.User.Project();
        var channels = (await cluster.GetGrain<IAlertBoardGrain>(project).ListChannelsAsync()).ToHashSet(StringComparer.Ordinal);
        var (rule, errors) = RuleDocumentValidator.Validate(ruleId, document, channels);
        if (rule is null)
        {
            return Problems.BadRequest(ProblemCodes.InvalidRule, FieldError.Join(errors));
        }

        var book = await cluster.GetGrain<IRuleBookGrain>(project).PutAsync(rule);
        rules.Invalidate(project);
        return Results.Json(RuleWire.ToDocument(book.Rules.First(r => r.Id == ruleId)), AgentOpsJsonContext.Default.RuleDocument);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IClusterClient cluster, RuleCache rules, string ruleId)
    {
        if (ApiArguments.Id(ruleId, "ruleId") is { } invalid)
        {
            return invalid;
        }

        var project = http.User.Project();
        if (!await cluster.GetGrain<IRuleBookGrain>(project).DeleteAsync(ruleId))
        {
            return Problems.NotFound($"rule '{ruleId}'");
        }

        rules.Invalidate(project);
        return Results.NoContent();
    }
}
