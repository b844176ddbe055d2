namespace AgentOps.Silo.Api;

/// <summary>Registers and maps the HTTP API (API.md).</summary>
public static class ApiHosting
{
    public static WebApplicationBuilder AddAgentOpsApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentOpsJsonContext.Default));
        // A request the framework could not bind (a query value that is not a number, say) is the client's error in every
        // environment: in Development the framework throws it rather than answering 400, and this keeps it a 400.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ex =>
            ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems raised by the framework itself (unknown route, wrong content type, unhandled error) get a stable code too.
            var problem = context.ProblemDetails;
            if (context.Exception is BadHttpRequestException bad)
            {
                problem.Detail ??= bad.Message;
            }

            if (!problem.Extensions.ContainsKey("code"))
            {
                var code = ProblemCodes.ForStatus(problem.Status ?? StatusCodes.Status500InternalServerError);
                problem.Extensions["code"] = code;
                problem.Type = Problems.TypeOf(code);
                problem.Detail ??= code == ProblemCodes.UnsupportedMediaType
                    ? "Send the body as application/json."
                    : problem.Title;
            }
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapAgentOpsApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapMetricsApi();
        app.MapGroup("/v1")
            .WithTags("AgentOps")
            // Every /v1 call: a missing or unknown key, a key without the role, a key over its rate limit.
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .MapEventsApi()
            .MapTracesApi()
            .MapEntitiesApi()
            .MapRunsApi()
            .MapPolicyApi()
            .MapRulesApi()
            .MapAlertsApi()
            .MapChannelsApi()
            .MapGuardApi()
            .MapSettingsApi()
            .MapKeysApi()
            .MapAuditApi();
        return app;
    }
}
