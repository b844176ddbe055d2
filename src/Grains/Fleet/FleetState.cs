using AgentOps.Entities;

namespace AgentOps.Fleet;

/// <summary>The persisted fleet rows of a project, so the overview survives a restart before every entity reports again.</summary>
[GenerateSerializer]
public sealed class FleetState
{
    [Id(0)] public Dictionary<EntityKind, Dictionary<string, EntitySummary>> Rows { get; set; } = [];
}
