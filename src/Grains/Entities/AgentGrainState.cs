namespace AgentOps.Entities;

/// <summary>An agent's persisted state: the entity state plus its violation records.</summary>
[GenerateSerializer]
public sealed class AgentGrainState : EntityGrainState
{
    [Id(0)] public ViolationLog Violations { get; set; } = new();
    [Id(1)] public Runs.RunCostHistory CostHistory { get; set; } = new();
}
