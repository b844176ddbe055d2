using AgentOps.Entities;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Trajectories: <c>GET /v1/runs/{runId}</c> and <c>GET /v1/agents/{agentId}/runs</c>.</summary>
public static class RunsApi
{
    private const int DefaultRuns = 50;
    private const int MaxRuns = 1_000;

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/runs/{runId}", GetRunAsync)
            .RequireAuthorization(Roles.Read)
            .WithName("GetRun")
            .WithSummary("A run with its totals and its steps in event-time order")
            .Produces<RunResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/runs/{runId}/steps.jsonl", DownloadAsync)
            .RequireAuthorization(Roles.Read)
            .WithName("DownloadRunSteps")
            .WithSummary("A run's steps as JSON lines (application/x-ndjson), one step per line in event-time order")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);

        v1.MapGet("/agents/{agentId}/runs", ListRunsAsync)
            .RequireAuthorization(Roles.Read)
            .WithName("ListAgentRuns")
            .WithSummary("An agent's recent runs, newest first, without steps")
            .Produces<RunListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<IResult> GetRunAsync(HttpContext http, IClusterClient cluster, string runId)
    {
        if (ApiArguments.Id(runId, "runId") is { } invalid)
        {
            return invalid;
        }

        var run = await cluster.GetGrain<IProjectQueryGrain>(http.User.Project()).GetRunAsync(runId);
        return run is null
            ? Problems.NotFound($"run '{runId}'")
            : Results.Json(RunResponse.From(run), AgentOpsJsonContext.Default.RunResponse);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, IClusterClient cluster, string runId)
    {
        if (ApiArguments.Id(runId, "runId") is { } invalid)
        {
            return invalid;
        }

        var run = await cluster.GetGrain<IProjectQueryGrain>(http.User.Project()).GetRunAsync(runId);
        if (run is null)
        {
            return Problems.NotFound($"run '{runId}'");
        }

        if (run.Steps is null)
        {
            return Problems.Create(StatusCodes.Status404NotFound, ProblemCodes.StepsNotKept, "The run's steps were not kept.",
                $"Run '{runId}' answers its totals only (stepsDropped: {run.StepsDropped}).");
        }

        var lines = new System.Text.StringBuilder();
        foreach (var step in run.Steps)
        {
            lines.Append(System.Text.Json.JsonSerializer.Serialize(StepResponse.From(step), AgentOpsJsonContext.Default.StepResponse)).Append('\n');
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{runId}.jsonl\"";
        return Results.Text(lines.ToString(), "application/x-ndjson");
    }

    private static async Task<IResult> ListRunsAsync(HttpContext http, IClusterClient cluster, string agentId, int? limit)
    {
        var invalidId = ApiArguments.Id(agentId, "agentId");
        var invalidLimit = ApiArguments.Limit(limit, DefaultRuns, MaxRuns, out var take);
        if ((invalidId ?? invalidLimit) is { } invalid)
        {
            return invalid;
        }

        var agent = cluster.GetGrain<IAgentGrain>(GrainKeys.For(http.User.Project(), agentId));
        if (!await agent.ExistsAsync())
        {
            return Problems.NotFound($"agent '{agentId}'");
        }

        var runs = await agent.GetRecentRunsAsync(take);
        return Results.Json(new RunListResponse(runs.Select(RunSummaryResponse.From).ToList()), AgentOpsJsonContext.Default.RunListResponse);
    }
}
