using System.ComponentModel.DataAnnotations;

namespace AgentOps.Silo.Telemetry;

/// <summary><c>GET /metrics</c> settings (section <c>AgentOps:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "AgentOps:Metrics";

    /// <summary>Per-agent series for the most active agents; the rest are summed under <c>agent="(other)"</c>.</summary>
    [Range(1, 10_000)]
    public int TopAgents { get; set; } = 50;

    /// <summary>
    /// When true, /metrics answers without a key (restrict it by network instead) with the silo's own series only;
    /// per-agent series always need a key with the read role, which names the project.
    /// </summary>
    public bool AllowAnonymous { get; set; }
}
