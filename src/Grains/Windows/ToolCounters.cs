namespace AgentOps.Windows;

/// <summary>One tool's use in one bucket.</summary>
[GenerateSerializer]
public struct ToolCounters
{
    [Id(0)] public int Calls;
    [Id(1)] public int Errors;
    [Id(2)] public int Retries;
}
