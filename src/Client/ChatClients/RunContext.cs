using AgentOps.Client.Events;
using AgentOps.Client.Runs;
using Microsoft.Extensions.AI;

namespace AgentOps.Client.ChatClients;

/// <summary>The run one chat call belongs to: from the chat options' <c>agentops.*</c> keys, else the ambient <see cref="RunScope"/>.</summary>
internal sealed record RunContext(string AgentId, string RunId, string? RouteId, string? UserId, string? AgentVersion)
{
    /// <summary>
    /// Resolves the run: the <see cref="AgentOpsChatOptions.RunIdKey"/> option, else <see cref="RunScope.Current"/>'s run.
    /// The agent comes from its option key, else from the ambient run (a run named in the options inside it is the same
    /// agent's), else from the client's default. Route, user and version come from their option keys, else from the
    /// ambient run when it is the same run. Null when no run id or no agent is known.
    /// </summary>
    public static RunContext? Resolve(ChatOptions? options, AgentOpsClient client)
    {
        var properties = options?.AdditionalProperties;
        var scope = RunScope.Current;
        var runId = Read(properties, AgentOpsChatOptions.RunIdKey) ?? scope?.RunId;
        if (runId is null)
        {
            return null;
        }

        var ambient = scope is not null && scope.RunId == runId ? scope : null;
        var agentId = Read(properties, AgentOpsChatOptions.AgentIdKey) ?? scope?.AgentId ?? client.DefaultAgentId;
        return agentId is null
            ? null
            : new RunContext(
                agentId,
                runId,
                Read(properties, AgentOpsChatOptions.RouteIdKey) ?? ambient?.RouteId,
                Read(properties, AgentOpsChatOptions.UserIdKey) ?? ambient?.UserId,
                Read(properties, AgentOpsChatOptions.AgentVersionKey) ?? ambient?.AgentVersion);
    }

    /// <summary>Stamps the run on an event (fields the event already has are kept).</summary>
    public TEvent Apply<TEvent>(TEvent e)
        where TEvent : AgentOpsEvent
    {
        e.AgentId ??= AgentId;
        e.RunId ??= RunId;
        e.RouteId ??= RouteId;
        e.UserId ??= UserId;
        e.AgentVersion ??= AgentVersion;
        return e;
    }

    private static string? Read(AdditionalPropertiesDictionary? properties, string key) =>
        properties is not null && properties.TryGetValue(key, out var value) && value is string text && text.Length > 0 ? text : null;
}
