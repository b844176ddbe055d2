namespace AgentOps.Silo.Api;

/// <summary>OpenAPI metadata of an endpoint whose body <see cref="JsonBody"/> reads: the type, and its 400 and 413 answers.</summary>
public static class JsonBodyConventions
{
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder endpoint)
        where TBody : notnull =>
        endpoint.Accepts<TBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
