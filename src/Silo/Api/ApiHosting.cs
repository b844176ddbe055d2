namespace AgentOps.Silo.Api;

/// <summary>Registers and maps the HTTP API (API.md).</summary>
public static class ApiHosting
{
    public static WebApplicationBuilder AddAgentOpsApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AgentOpsJsonContext.Default));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapAgentOpsApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapGroup("/v1")
            .WithTags("AgentOps")
            .MapEventsApi()
            .MapEntitiesApi()
            .MapRunsApi()
            .MapPolicyApi();
        return app;
    }
}
