using AgentOps.Audit;
using AgentOps.Entities;
using AgentOps.Settings;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Api;

/// <summary><c>GET/PUT /v1/settings/trajectories</c>: the project's sample rate (and per-agent rates) and trajectory retention.</summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/settings/trajectories", GetAsync).RequireAuthorization(Roles.Read)
            .WithName("GetTrajectorySettings").WithSummary("How the project samples and keeps trajectories").Produces<TrajectorySettings>();
        v1.MapPut("/settings/trajectories", PutAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.SettingsPut, "settings/trajectories")
            .WithName("PutTrajectorySettings").WithSummary("Set the sample rate (0..1), per-agent rates and the retention in days")
            .AcceptsJson<TrajectorySettingsDocument>().Produces<TrajectorySettings>();
        return v1;
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster) =>
        Results.Json(await cluster.GetGrain<IProjectSettingsGrain>(http.User.Project()).GetTrajectoriesAsync(), AgentOpsJsonContext.Default.TrajectorySettings);

    private static async Task<IResult> PutAsync(HttpContext http, IClusterClient cluster, SettingsCache cache, IOptions<TrajectoryOptions> defaults)
    {
        var (document, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.TrajectorySettingsDocument, ProblemCodes.InvalidSettings);
        if (document is null)
        {
            return invalidBody!;
        }

        var settings = document.ToSettings(defaults.Value);

        var errors = new List<string>();
        if (settings.SampleRate is not (>= 0 and <= 1))
        {
            errors.Add("sampleRate must be between 0 and 1");
        }

        if (settings.RetentionDays is < 1 or > 3650)
        {
            errors.Add("retentionDays must be between 1 and 3650");
        }

        if (settings.AgentSampleRates.Count > 1_000 || settings.AgentSampleRates.Any(a => !EntityIds.IsValid(a.Key) || a.Value is not (>= 0 and <= 1)))
        {
            errors.Add("agentSampleRates maps at most 1000 valid agent ids to rates between 0 and 1");
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(ProblemCodes.InvalidSettings, string.Join("; ", errors) + ".");
        }

        var project = http.User.Project();
        var saved = await cluster.GetGrain<IProjectSettingsGrain>(project).PutTrajectoriesAsync(settings);
        cache.Invalidate(project);
        return Results.Json(saved, AgentOpsJsonContext.Default.TrajectorySettings);
    }
}
