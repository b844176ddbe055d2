using AgentOps.Policy;

namespace AgentOps.Entities;

/// <summary>An agent's autonomy policy, stored apart from its counters so a policy change is written at once.</summary>
[GenerateSerializer]
public sealed class AgentPolicyState
{
    [Id(0)] public AutonomyPolicy? Policy { get; set; }
}
