using AgentOps.Alerts;
using AgentOps.Monitoring;

namespace AgentOps.Entities;

/// <summary>The persisted state of an agent, route or user grain.</summary>
[GenerateSerializer]
public class EntityGrainState
{
    [Id(0)] public EntityMonitor Monitor { get; set; } = new();
    [Id(1)] public DeliveryWatermarks Watermarks { get; set; } = new();
    [Id(2)] public AlertTracker Alerts { get; set; } = new();
}
