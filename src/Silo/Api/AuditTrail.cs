using AgentOps.Audit;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Records the admin actions of the HTTP API in the project's audit log, once they have succeeded.</summary>
public static class AuditTrail
{
    /// <summary>
    /// Audits the endpoint's successful calls as <paramref name="action"/> on <paramref name="target"/>, a template whose
    /// <c>{name}</c> parts are the call's route values (e.g. <c>rule/{ruleId}</c>); <c>{id}</c> is the id the call answered.
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action, string target) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
            {
                return result;
            }

            var http = context.HttpContext;
            await RecordAsync(http, action, Fill(target, http.Request.RouteValues, AnsweredId(result)));
            return result;
        });

    /// <summary>
    /// Records one action of the calling key. The action has already happened: when the log cannot be written the
    /// caller still gets its answer (a new key must not be lost for it) and the loss is logged as an error.
    /// </summary>
    public static async Task RecordAsync(HttpContext http, string action, string target, string? detail = null)
    {
        var cluster = http.RequestServices.GetRequiredService<IClusterClient>();
        var time = http.RequestServices.GetRequiredKeyedService<TimeProvider>(AgentOpsClock.Key);
        var entry = new AuditEntry { At = time.GetUtcNow(), Actor = http.User.Actor(), Action = action, Target = target, Detail = detail };
        try
        {
            await cluster.GetGrain<IAuditLogGrain>(http.User.Project()).RecordAsync(entry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrail).FullName!)
                .LogError(ex, "Audit entry lost: {Actor} {Action} {Target} in project {Project} at {At}", entry.Actor, entry.Action, entry.Target, http.User.Project(), entry.At);
        }
    }

    private static string? AnsweredId(object? result) => result switch
    {
        IValueHttpResult { Value: Contracts.SilenceDocument silence } => silence.Id,
        _ => null,
    };

    private static string Fill(string template, RouteValueDictionary route, string? id)
    {
        var target = template.Replace("{id}", id ?? "?", StringComparison.Ordinal);
        foreach (var (name, value) in route)
        {
            target = target.Replace("{" + name + "}", value?.ToString(), StringComparison.Ordinal);
        }

        return target;
    }
}
