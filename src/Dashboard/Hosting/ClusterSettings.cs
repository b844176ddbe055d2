using System.ComponentModel.DataAnnotations;

namespace AgentOps.Dashboard.Hosting;

/// <summary>How to find the cluster: the same keys as the silo (API.md "Running").</summary>
public sealed class ClusterSettings
{
    /// <summary>The section of <see cref="ClusterId"/>, <see cref="ServiceId"/> and <see cref="GatewayPort"/>.</summary>
    public const string Section = "Orleans";

    [Required] public string ClusterId { get; set; } = "agentops";
    [Required] public string ServiceId { get; set; } = "agentops";
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a grain call may take before the dashboard gives up on it and shows an error.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the client re-reads the gateway list (a restarted or moved silo is found again).</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The storage profiles of API.md "Running" (the silo's <c>AgentOps:Profile</c>).</summary>
public enum ClusterProfile
{
    /// <summary>Localhost clustering: the silo runs on this machine.</summary>
    Local,
    /// <summary>Azure Table clustering (the silo's AzureStorage profile).</summary>
    AzureStorage,
}
