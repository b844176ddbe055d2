using AgentOps.Entities;
using AgentOps.Policy;

namespace AgentOps.Dashboard.Services;

/// <summary>An agent's autonomy policy: read it, and write a document that passes <see cref="PolicyDocumentValidator"/>.</summary>
public interface IPolicyService
{
    /// <summary>The agent's policy; null when none was set.</summary>
    Task<AutonomyPolicy?> GetAsync(string project, string agentId);

    /// <summary>Validates and, when valid, saves the policy; answers the errors per field (empty when saved).</summary>
    Task<IReadOnlyList<FieldError>> SaveAsync(string project, string agentId, PolicyDocument document);
}

public sealed class PolicyService(IClusterClient client, GrainCalls calls) : IPolicyService
{
    public Task<AutonomyPolicy?> GetAsync(string project, string agentId) =>
        calls.RunAsync(() => client.GetGrain<IAgentGrain>(GrainKeys.For(project, agentId)).GetPolicyAsync());

    public async Task<IReadOnlyList<FieldError>> SaveAsync(string project, string agentId, PolicyDocument document)
    {
        var (policy, errors) = PolicyDocumentValidator.Validate(document);
        if (policy is null)
        {
            return errors;
        }

        await calls.RunAsync(() => client.GetGrain<IAgentGrain>(GrainKeys.For(project, agentId)).SetPolicyAsync(policy));
        return [];
    }
}
