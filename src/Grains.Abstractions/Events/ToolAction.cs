namespace AgentOps.Events;

/// <summary>What a tool call does to its target, as the autonomy policy sees it.</summary>
[GenerateSerializer]
public enum ToolAction : byte
{
    /// <summary>Anything that is not a read, write or execute.</summary>
    Other,
    /// <summary>Reads a resource.</summary>
    Read,
    /// <summary>Changes a resource.</summary>
    Write,
    /// <summary>Runs code or a command.</summary>
    Execute,
}
