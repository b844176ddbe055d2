namespace AgentOps.Rules;

/// <summary>How urgent an alert is.</summary>
[GenerateSerializer]
public enum AlertSeverity : byte
{
    /// <summary>Someone should look now.</summary>
    Critical,
    /// <summary>Someone should look soon.</summary>
    Warning,
    /// <summary>For the record.</summary>
    Info,
}
