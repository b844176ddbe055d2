using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Silo.Tests.Security;

/// <summary>Every endpoint the silo maps under <c>/v1</c>, read from the running app, so a new endpoint cannot slip past the security tests.</summary>
internal static class ApiSurface
{
    /// <summary>(method, route pattern, the role policy it requires).</summary>
    public static IReadOnlyList<(string Method, string Pattern, string Policy)> Endpoints(SiloFactory silo) =>
        silo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => (
                method,
                e.RoutePattern.RawText!,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "none")))
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.method, StringComparer.Ordinal)
            .ToList();
}
