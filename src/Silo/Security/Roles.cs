namespace AgentOps.Silo.Security;

/// <summary>The key roles of API.md and the authorization policies built on them.</summary>
public static class Roles
{
    /// <summary>Writes events and calls the guard.</summary>
    public const string Ingest = "ingest";

    /// <summary>Reads state.</summary>
    public const string Read = "read";

    /// <summary>Everything, including rules, policies, channels and silences.</summary>
    public const string Admin = "admin";

    /// <summary>The claim that carries the key's project.</summary>
    public const string ProjectClaim = "agentops:project";

    /// <summary>The claim that carries the key's id (the actor of audit entries).</summary>
    public const string KeyIdClaim = "agentops:key";

    /// <summary>True for a known role name.</summary>
    public static bool IsKnown(string? role) => role is Ingest or Read or Admin;
}
