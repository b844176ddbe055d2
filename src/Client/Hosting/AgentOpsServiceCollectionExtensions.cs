using AgentOps.Client.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentOps.Client.Hosting;

/// <summary>Registers the AgentOps client in a service collection.</summary>
public static class AgentOpsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AgentOpsClientOptions"/> (validated on first use and at host start), the typed HTTP client
    /// <see cref="AgentOpsApiClient"/> (from <see cref="IHttpClientFactory"/>, base address from the options), the
    /// <see cref="AgentOpsClient"/> singleton whose background sender starts with it, and a hosted service that flushes
    /// the client when the host stops. A <see cref="TimeProvider"/> is registered (the system clock) unless one already is.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="AgentOpsClientOptions.BaseAddress"/> is required (also bindable with <c>services.AddOptions&lt;AgentOpsClientOptions&gt;().BindConfiguration(...)</c>).</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddAgentOpsClient(this IServiceCollection services, Action<AgentOpsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgentOpsClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.BaseAddress is not null, "AgentOpsClientOptions.BaseAddress is required (for example http://127.0.0.1:5000).")
            .Validate(o => o.Validate().Count == 0, "Invalid AgentOps client options (see AgentOpsClientOptions.Validate).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<AgentOpsApiClient>((sp, http) =>
            {
                // The client enforces its own request and guard timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
                if (sp.GetRequiredService<IOptions<AgentOpsClientOptions>>().Value.BaseAddress is { } baseAddress)
                {
                    http.BaseAddress = baseAddress;
                }
            })
            .AddTypedClient((http, sp) => new AgentOpsApiClient(
                http,
                sp.GetRequiredService<IOptions<AgentOpsClientOptions>>().Value,
                sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new AgentOpsClient(
            sp.GetRequiredService<IOptions<AgentOpsClientOptions>>().Value,
            ApiClients(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.AddHostedService<AgentOpsClientHostedService>();
        return services;
    }

    /// <summary>
    /// A typed client per send, so that <see cref="IHttpClientFactory"/> can rotate its handlers; while the container is
    /// being disposed (the client flushes from its own dispose, after the host's flush) resolving throws, and the last
    /// client resolved still sends: the container disposes the AgentOps client before the factory it depends on.
    /// </summary>
    private static Func<AgentOpsApiClient> ApiClients(IServiceProvider services)
    {
        var last = services.GetRequiredService<AgentOpsApiClient>();
        return () =>
        {
            try
            {
                return last = services.GetRequiredService<AgentOpsApiClient>();
            }
            catch (ObjectDisposedException)
            {
                return last;
            }
        };
    }
}
