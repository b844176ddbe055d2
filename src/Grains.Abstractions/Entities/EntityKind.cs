namespace AgentOps.Entities;

/// <summary>The three kinds of monitored entity; each one is a grain per project and id.</summary>
[GenerateSerializer]
public enum EntityKind : byte
{
    /// <summary>An AI agent.</summary>
    Agent,
    /// <summary>A route: the feature a run serves.</summary>
    Route,
    /// <summary>An end user on whose behalf agents act.</summary>
    User,
}
