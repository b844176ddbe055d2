using AgentOps.Audit;
using AgentOps.Entities;
using AgentOps.Policy;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Autonomy policy and violations: <c>/v1/agents/{agentId}/policy</c> and <c>/violations</c>.</summary>
public static class PolicyApi
{
    public static RouteGroupBuilder MapPolicyApi(this RouteGroupBuilder v1)
    {
        v1.MapPut("/agents/{agentId}/policy", PutAsync)
            .RequireAuthorization(Roles.Admin).Audited(AuditActions.PolicyPut, "policy/{agentId}")
            .WithName("PutAgentPolicy")
            .WithSummary("Set an agent's autonomy policy; it judges tool calls ingested from now on")
            .AcceptsJson<PolicyDocument>()
            .Produces<PolicyDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        v1.MapGet("/agents/{agentId}/policy", GetAsync)
            .RequireAuthorization(Roles.Read)
            .WithName("GetAgentPolicy")
            .WithSummary("An agent's autonomy policy ({} when none was set)")
            .Produces<PolicyDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);

        v1.MapGet("/agents/{agentId}/violations", ViolationsAsync)
            .RequireAuthorization(Roles.Read)
            .WithName("ListAgentViolations")
            .WithSummary("An agent's autonomy-policy violations, newest first")
            .Produces<ViolationListResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static async Task<IResult> PutAsync(HttpContext http, IClusterClient cluster, string agentId)
    {
        if (ApiArguments.Id(agentId, "agentId") is { } invalid)
        {
            return invalid;
        }

        var (document, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.PolicyDocument, ProblemCodes.InvalidPolicy);
        if (document is null)
        {
            return invalidBody!;
        }

        var (policy, errors) = PolicyDocumentValidator.Validate(document);
        if (policy is null)
        {
            return Problems.BadRequest(ProblemCodes.InvalidPolicy, FieldError.Join(errors));
        }

        await cluster.GetGrain<IAgentGrain>(GrainKeys.For(http.User.Project(), agentId)).SetPolicyAsync(policy);
        return Results.Json(PolicyDocument.From(policy), AgentOpsJsonContext.Default.PolicyDocument);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, string agentId)
    {
        if (ApiArguments.Id(agentId, "agentId") is { } invalid)
        {
            return invalid;
        }

        var agent = cluster.GetGrain<IAgentGrain>(GrainKeys.For(http.User.Project(), agentId));
        if (await agent.GetPolicyAsync() is { } policy)
        {
            return Results.Json(PolicyDocument.From(policy), AgentOpsJsonContext.Default.PolicyDocument);
        }

        return await agent.ExistsAsync()
            ? Results.Json(new PolicyDocument(), AgentOpsJsonContext.Default.PolicyDocument)
            : Problems.NotFound($"agent '{agentId}'");
    }

    private static async Task<IResult> ViolationsAsync(HttpContext http, IClusterClient cluster, string agentId, int? limit)
    {
        var invalidId = ApiArguments.Id(agentId, "agentId");
        var invalidLimit = ApiArguments.Limit(limit, 100, ViolationLog.Capacity, out var take);
        if ((invalidId ?? invalidLimit) is { } invalid)
        {
            return invalid;
        }

        var agent = cluster.GetGrain<IAgentGrain>(GrainKeys.For(http.User.Project(), agentId));
        if (!await agent.ExistsAsync() && await agent.GetPolicyAsync() is null)
        {
            return Problems.NotFound($"agent '{agentId}'");
        }

        var violations = await agent.GetViolationsAsync(take);
        return Results.Json(new ViolationListResponse(violations.Select(ViolationResponse.From).ToList()), AgentOpsJsonContext.Default.ViolationListResponse);
    }
}
