using AgentOps.Alerts;
using AgentOps.Audit;
using AgentOps.Entities;
using AgentOps.Notifications;
using AgentOps.Silo.Api.Contracts;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Api;

/// <summary>Notification channels: <c>PUT/GET/DELETE /v1/channels/{name}</c>, <c>GET /v1/channels</c>.</summary>
public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder v1)
    {
        v1.MapPut("/channels/{name}", PutAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.ChannelPut, "channel/{name}")
            .WithName("PutChannel").WithSummary("Create or replace a notification channel (webhook or slack)")
            .AcceptsJson<ChannelDocument>().Produces<ChannelResponse>();
        v1.MapGet("/channels", ListAsync).RequireAuthorization(Roles.Read)
            .WithName("ListChannels").WithSummary("The project's channels with their delivery record").Produces<ChannelListResponse>();
        v1.MapGet("/channels/{name}", GetAsync).RequireAuthorization(Roles.Read)
            .WithName("GetChannel").WithSummary("A channel with its recent deliveries and failures").Produces<ChannelResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapDelete("/channels/{name}", DeleteAsync).RequireAuthorization(Roles.Admin).Audited(AuditActions.ChannelDelete, "channel/{name}")
            .WithName("DeleteChannel").WithSummary("Remove a channel").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static async Task<IResult> PutAsync(HttpContext http, IClusterClient cluster, OutboundTargetPolicy targets, string name)
    {
        if (ApiArguments.Id(name, "name") is { } invalid)
        {
            return invalid;
        }

        var (document, invalidBody) = await JsonBody.ReadAsync(http, AgentOpsJsonContext.Default.ChannelDocument, ProblemCodes.InvalidChannel);
        if (document is null)
        {
            return invalidBody!;
        }

        ChannelType? type = document.Type switch { "webhook" => ChannelType.Webhook, "slack" => ChannelType.Slack, _ => null };
        if (type is null)
        {
            return Problems.BadRequest(ProblemCodes.InvalidChannel, $"type '{document.Type}' must be webhook or slack.");
        }

        if (!Uri.TryCreate(document.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0)
        {
            return Problems.BadRequest(ProblemCodes.InvalidChannel, "url must be an absolute http or https URL without credentials.");
        }

        if (await targets.RefusalAsync(url, http.RequestAborted) is { } refusal)
        {
            return Problems.BadRequest(ProblemCodes.ForbiddenTarget, refusal + ".");
        }

        if (document.Secret is { Length: > 256 } || document.Secret is { Length: > 0 and < 8 })
        {
            return Problems.BadRequest(ProblemCodes.InvalidChannel, "secret must be 8 to 256 characters.");
        }

        var project = http.User.Project();
        var status = await cluster.GetGrain<INotificationChannelGrain>(GrainKeys.For(project, name))
            .ConfigureAsync(new ChannelConfig { Name = name, Type = type.Value, Url = url, Secret = document.Secret });
        await cluster.GetGrain<IAlertBoardGrain>(project).RegisterChannelAsync(name);
        return Results.Json(ChannelResponse.From(status), AgentOpsJsonContext.Default.ChannelResponse);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster)
    {
        var project = http.User.Project();
        var names = await cluster.GetGrain<IAlertBoardGrain>(project).ListChannelsAsync();
        var statuses = await Task.WhenAll(names.Select(n => cluster.GetGrain<INotificationChannelGrain>(GrainKeys.For(project, n)).GetStatusAsync()));
        return Results.Json(new ChannelListResponse(statuses.OfType<ChannelStatus>().Select(ChannelResponse.From).ToList()), AgentOpsJsonContext.Default.ChannelListResponse);
    }

    private static async Task<IResult> GetAsync(HttpContext http, IClusterClient cluster, string name)
    {
        if (ApiArguments.Id(name, "name") is { } invalid)
        {
            return invalid;
        }

        var status = await cluster.GetGrain<INotificationChannelGrain>(GrainKeys.For(http.User.Project(), name)).GetStatusAsync();
        return status is null ? Problems.NotFound($"channel '{name}'") : Results.Json(ChannelResponse.From(status), AgentOpsJsonContext.Default.ChannelResponse);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, IClusterClient cluster, string name)
    {
        if (ApiArguments.Id(name, "name") is { } invalid)
        {
            return invalid;
        }

        var project = http.User.Project();
        if (!await cluster.GetGrain<INotificationChannelGrain>(GrainKeys.For(project, name)).RemoveAsync())
        {
            return Problems.NotFound($"channel '{name}'");
        }

        await cluster.GetGrain<IAlertBoardGrain>(project).UnregisterChannelAsync(name);
        return Results.NoContent();
    }
}
