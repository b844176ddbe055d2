using System.ComponentModel.DataAnnotations;

namespace AgentOps.Silo.Hosting;

/// <summary>Cluster identity and ports (section <c>Orleans</c>); several silos on one machine differ only by ports.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    [Required] public string ClusterId { get; set; } = "agentops";
    [Required] public string ServiceId { get; set; } = "agentops";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (AzureStorage profile); default: the host's own IPv4 address.</summary>
    public string? AdvertisedIPAddress { get; set; }
}
