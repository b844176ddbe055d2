using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Silo.Api.Contracts;

/// <summary>The live state of an agent, route or user (<c>GET /v1/agents/{id}</c> and friends).</summary>
public sealed record EntityStateResponse(
    string Id,
    string Kind,
    string Window,
    DateTimeOffset? LastEventAt,
    MetricsView Metrics,
    IReadOnlyDictionary<string, ModelUsageView> ByModel,
    IReadOnlyDictionary<string, ToolUsageView> ByTool,
    IReadOnlyList<object> Alerts)
{
    public static EntityStateResponse From(EntitySnapshot s) =>
        new(s.Id, s.Kind.ToWire(), Durations.Format(s.Window), s.LastEventAt, s.Metrics, s.ByModel, s.ByTool, []);
}
