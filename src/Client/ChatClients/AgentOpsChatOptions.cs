using AgentOps.Client.Runs;
using Microsoft.Extensions.AI;

namespace AgentOps.Client.ChatClients;

/// <summary>
/// The <see cref="ChatOptions.AdditionalProperties"/> keys that name the run of one chat call, for code that does not
/// use an ambient <see cref="RunScope"/> (for example a call made on another thread). The
/// <see cref="AgentOpsChatClient"/> middleware reads and removes them before the call reaches the model's client.
/// </summary>
public static class AgentOpsChatOptions
{
    /// <summary>The run id (string).</summary>
    public const string RunIdKey = "agentops.runId";

    /// <summary>The agent id (string).</summary>
    public const string AgentIdKey = "agentops.agentId";

    /// <summary>The route id (string).</summary>
    public const string RouteIdKey = "agentops.routeId";

    /// <summary>The user id (string).</summary>
    public const string UserIdKey = "agentops.userId";

    /// <summary>The agent version (string).</summary>
    public const string AgentVersionKey = "agentops.agentVersion";

    /// <summary>The prefix all keys share.</summary>
    public const string KeyPrefix = "agentops.";

    /// <summary>Names the run of the calls made with these options.</summary>
    /// <param name="options">The chat options (changed in place).</param>
    /// <param name="runId">The run.</param>
    /// <param name="agentId">The agent (default: the ambient run's, else <see cref="AgentOpsClientOptions.AgentId"/>).</param>
    /// <param name="routeId">The route.</param>
    /// <param name="userId">The user.</param>
    /// <param name="agentVersion">The agent version.</param>
    /// <returns>The same options.</returns>
    public static ChatOptions WithAgentOpsRun(this ChatOptions options, string runId, string? agentId = null, string? routeId = null, string? userId = null, string? agentVersion = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var properties = options.AdditionalProperties ??= [];
        properties[RunIdKey] = runId;
        Set(properties, AgentIdKey, agentId);
        Set(properties, RouteIdKey, routeId);
        Set(properties, UserIdKey, userId);
        Set(properties, AgentVersionKey, agentVersion);
        return options;
    }

    /// <summary>Names <paramref name="run"/> as the run of the calls made with these options.</summary>
    /// <param name="options">The chat options (changed in place).</param>
    /// <param name="run">The run.</param>
    /// <returns>The same options.</returns>
    public static ChatOptions WithAgentOpsRun(this ChatOptions options, RunScope run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return options.WithAgentOpsRun(run.RunId, run.AgentId, run.RouteId, run.UserId, run.AgentVersion);
    }

    private static void Set(AdditionalPropertiesDictionary properties, string key, string? value)
    {
        if (value is not null)
        {
            properties[key] = value;
        }
    }
}
