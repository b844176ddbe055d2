using System.Security.Claims;
using AgentOps.Entities;
using AgentOps.Fleet;
using AgentOps.Silo.Security;
using AgentOps.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Api;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format: the silo's ingest and storage counters, and per-agent series of the key's
/// project for the <see cref="MetricsOptions.TopAgents"/> most active agents (the rest summed), so cardinality stays bounded.
/// </summary>
public static class MetricsApi
{
    public static WebApplication MapMetricsApi(this WebApplication app)
    {
        var endpoint = app.MapGet("/metrics", WriteAsync).WithTags("Operations").WithName("Metrics").WithSummary("Prometheus metrics");
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowAnonymous)
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(Roles.Read);
        }

        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext http, SiloCounters counters, IClusterClient cluster, IOptions<MetricsOptions> options)
    {
        var text = new PrometheusText()
            .Family("agentops_ingest_events_accepted_total", "counter", "Events accepted by this silo.").Sample("agentops_ingest_events_accepted_total", counters.Accepted)
            .Family("agentops_ingest_events_duplicates_total", "counter", "Re-sent events dropped by this silo.").Sample("agentops_ingest_events_duplicates_total", counters.Duplicates)
            .Family("agentops_ingest_events_rejected_total", "counter", "Invalid events rejected by this silo.").Sample("agentops_ingest_events_rejected_total", counters.Rejected)
            .Family("agentops_ingest_requests_refused_total", "counter", "Ingest requests answered 429 or 503.").Sample("agentops_ingest_requests_refused_total", counters.Refused)
            .Family("agentops_storage_requests_total", "counter", "Azure Storage requests (billed transactions) sent by this silo.")
            .Sample("agentops_storage_requests_total", counters.TableRequests, ("service", "table"))
            .Sample("agentops_storage_requests_total", counters.QueueRequests, ("service", "queue"))
            .Sample("agentops_storage_requests_total", counters.BlobRequests, ("service", "blob"));

        // A project's series need a key that may read it: with anonymous scrapes allowed, an ingest key gets in too.
        if (http.User.FindFirstValue(Roles.ProjectClaim) is { } project && (http.User.IsInRole(Roles.Read) || http.User.IsInRole(Roles.Admin)))
        {
            var rows = await cluster.GetGrain<IFleetGrain>(project).GetAsync(EntityKind.Agent);
            WriteAgents(text, project, rows, options.Value.TopAgents);
        }

        return Results.Text(text.ToString(), PrometheusText.ContentType);
    }

    private static void WriteAgents(PrometheusText text, string project, IReadOnlyList<EntitySummary> rows, int top)
    {
        var ranked = rows.OrderByDescending(r => r.Runs).ThenByDescending(r => r.CostPerHour).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var shown = ranked.Take(top).ToList();
        var rest = ranked.Skip(top).ToList();
        (string Name, string Help, Func<EntitySummary, double> Value, bool Summable)[] series =
        [
            ("agentops_agent_cost_usd_1h", "Cost over the last hour.", r => r.CostPerHour, true),
            ("agentops_agent_runs_1h", "Runs finished in the last hour.", r => r.Runs, true),
            ("agentops_agent_retry_rate_1h", "Share of calls that were retries in the last hour.", r => r.RetryRate, false),
            ("agentops_agent_error_rate_1h", "Share of calls that failed in the last hour.", r => r.ErrorRate, false),
            ("agentops_agent_violations_1h", "Autonomy-policy violations in the last hour.", r => r.Violations, true),
            ("agentops_agent_firing_alerts", "Alerts firing now.", r => r.FiringAlerts, true),
        ];
        foreach (var (name, help, value, summable) in series)
        {
            text.Family(name, "gauge", help);
            foreach (var row in shown)
            {
                text.Sample(name, value(row), ("project", project), ("agent", row.Id));
            }

            if (summable && rest.Count > 0)
            {
                text.Sample(name, rest.Sum(value), ("project", project), ("agent", "(other)"));
            }
        }
    }
}
