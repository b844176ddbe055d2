namespace AgentOps.Entities;

/// <summary>Use of one tool in a window (<c>byTool</c>).</summary>
[GenerateSerializer, Immutable, Alias("agentops.tool-usage")]
public sealed record ToolUsageView(
    [property: Id(0)] long Calls,
    [property: Id(1)] long Errors,
    [property: Id(2)] long Retries);
