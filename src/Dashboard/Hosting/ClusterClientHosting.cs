using AgentOps.Dashboard.Services;
using AgentOps.Hosting;
using Azure.Data.Tables;
using Azure.Identity;
using Orleans.Configuration;

namespace AgentOps.Dashboard.Hosting;

/// <summary>
/// The dashboard's Orleans client, configured like the silo (API.md "Running"): <c>AgentOps:Profile</c> picks the
/// clustering, <c>Orleans:*</c> the cluster. The client never gives up: it retries the first connection for as long as
/// it takes (the silo may start after the dashboard) and reconnects after a silo restart, while pages show a banner.
/// </summary>
public static class ClusterClientHosting
{
    public static WebApplicationBuilder AddAgentOpsClusterClient(this WebApplicationBuilder builder)
    {
        var profile = builder.Configuration.GetValue("AgentOps:Profile", ClusterProfile.Local);
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        builder.Services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.Section).ValidateDataAnnotations().ValidateOnStart();

        var monitor = new ClusterConnectionMonitor(TimeProvider.System);
        builder.Services.AddSingleton(monitor);
        builder.Services.AddSingleton<IClusterConnection>(sp => sp.GetRequiredService<ClusterConnectionMonitor>());

        // The web server must answer (with the banner) while the client is still looking for a silo, so the hosted
        // services start side by side instead of Kestrel waiting for the first connection.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        builder.UseOrleansClient(client =>
        {
            switch (profile)
            {
                case ClusterProfile.Local:
                    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                    break;
                case ClusterProfile.AzureStorage:
                    // The silos' membership table lists the gateways, so the dashboard needs no silo address.
                    var tables = MembershipTable(builder.Configuration);
                    client.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = cluster.ClusterId;
                        o.ServiceId = cluster.ServiceId;
                    });
                    client.UseAzureStorageClustering(o => o.TableServiceClient = tables);
                    break;
                default:
                    throw new NotSupportedException($"AgentOps:Profile '{profile}' is unknown; expected Local or AzureStorage.");
            }

            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = cluster.GatewayListRefreshPeriod);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            client.UseConnectionRetryFilter<RetryForeverFilter>();
            client.AddClusterConnectionStatusObserver(monitor);
        });
        return builder;
    }

    /// <summary>The silos' storage account, configured like theirs: a connection string, or the service URI with managed identity.</summary>
    private static TableServiceClient MembershipTable(IConfiguration configuration)
    {
        if (configuration["AgentOps:Storage:ConnectionString"] is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString);
        }

        if (configuration.GetValue<Uri?>("AgentOps:Storage:ServiceUri") is { } serviceUri)
        {
            return new TableServiceClient(StorageEndpoints.Of(serviceUri, "table"), new DefaultAzureCredential());
        }

        throw new InvalidOperationException(
            "AgentOps:Profile 'AzureStorage' needs AgentOps:Storage:ConnectionString (e.g. UseDevelopmentStorage=true for Azurite) or AgentOps:Storage:ServiceUri, the same as the silos'.");
    }
}
