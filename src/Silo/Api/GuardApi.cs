using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Policy;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary><c>POST /v1/guard</c>: may the agent take this step? Answered from the agent grain's memory.</summary>
public static class GuardApi
{
    public static RouteGroupBuilder MapGuardApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/guard", GuardAsync)
            .RequireAuthorization(Roles.Ingest)
            .WithName("Guard")
            .WithSummary("Ask whether a step may go on: denied when the agent is paused, over the run's or the day's budget, or the tool call breaks its policy")
            .WithDescription("An agent with neither a policy nor events is allowed (agentKnown: false).")
            .AcceptsJson<GuardBody>()
            .Produces<GuardResponse>();
        return v1;
    }

    private static async Task<IResult> GuardAsync(HttpContext http, IClusterClient cluster)
    {
        var (body, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.GuardBody, ProblemCodes.InvalidGuard);
        if (body is null)
        {
            return invalidBody!;
        }

        var errors = new List<string>();
        if (!EntityIds.IsValid(body.AgentId))
        {
            errors.Add($"agentId {EntityIds.Explain(body.AgentId)}");
        }

        if (!EntityIds.IsValid(body.RunId))
        {
            errors.Add($"runId {EntityIds.Explain(body.RunId)}");
        }

        var action = ToolAction.Other;
        if (body.Action is not null && !WireNames.TryParseToolAction(body.Action, out action))
        {
            errors.Add($"action '{body.Action}' must be read, write, execute or other");
        }

        if (body.EstimatedCostUsd is { } cost && !(cost >= 0 && cost < 1e9))
        {
            errors.Add("estimatedCostUsd must be between 0 and 1e9");
        }

        if (body.Tool is { Length: 0 or > 256 } || body.Target is { Length: > 1024 })
        {
            errors.Add("tool is 1-256 characters and target at most 1024");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(ProblemCodes.InvalidGuard, string.Join("; ", errors) + ".");
        }

        var agent = cluster.Reference<IAgentGrain>(GrainKeys.For(http.User.Project(), body.AgentId!));
        var decision = await agent.GuardAsync(new GuardRequest
        {
            RunId = body.RunId!,
            Tool = body.Tool,
            Action = action,
            Target = body.Target,
            EstimatedCostUsd = body.EstimatedCostUsd ?? 0,
            Approved = body.Approved,
        });
        var known = decision.Reasons.Count > 0 || await agent.ExistsAsync() || await agent.GetPolicyAsync() is not null;
        return Results.Json(new GuardResponse(decision.Allow, decision.Reasons, decision.RunCostUsd, decision.DailyCostUsd, known), AgentOpsJsonContext.Default.GuardResponse);
    }
}
