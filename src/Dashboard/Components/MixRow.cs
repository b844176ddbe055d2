namespace AgentOps.Dashboard.Components;

/// <summary>One name of a tool or model mix: its calls (for the share) and its formatted figures.</summary>
public sealed record MixRow(string Name, long Calls, IReadOnlyList<string> Cells);
