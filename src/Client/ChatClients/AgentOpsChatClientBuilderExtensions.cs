using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Client.ChatClients;

/// <summary>Adds the <see cref="AgentOpsChatClient"/> middleware to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class AgentOpsChatClientBuilderExtensions
{
    /// <summary>
    /// Records every model call of the pipeline as an <c>llm_call</c> and the tool calls it sees as <c>tool_call</c>
    /// events (see <see cref="AgentOpsChatClient"/>). Call it after <c>UseFunctionInvocation()</c> so that each model round
    /// trip is recorded on its own.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="client">Where the events go (default: the <see cref="AgentOpsClient"/> registered with <c>AddAgentOpsClient</c>).</param>
    /// <param name="configure">Adjusts the middleware's settings.</param>
    /// <returns>The same builder.</returns>
    public static ChatClientBuilder UseAgentOps(this ChatClientBuilder builder, AgentOpsClient? client = null, Action<AgentOpsChatClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var events = client
                ?? services.GetService<AgentOpsClient>()
                ?? throw new InvalidOperationException("UseAgentOps needs an AgentOpsClient: pass one, or register it with services.AddAgentOpsClient(...).");
            var options = new AgentOpsChatClientOptions();
            configure?.Invoke(options);
            return new AgentOpsChatClient(inner, events, options);
        });
    }
}
