using System.ComponentModel.DataAnnotations;

namespace AgentOps.Silo.Security;

/// <summary>
/// Per-key request limits (configuration section <c>AgentOps:RateLimits</c>): a token bucket per API key, so one
/// client's flood is answered 429 while every other key keeps its own budget. Requests without a valid key share a
/// smaller bucket per client address. A project can get its own figures under <c>Projects:{project}</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "AgentOps:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second each key may make on average (an ingest request carries up to 5,000 events).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 2_000;

    /// <summary>Requests a key may make at once after a quiet spell.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 4_000;

    /// <summary>Requests per second per client address without a valid key (probing, typos, expired keys).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerSecond { get; set; } = 20;

    /// <summary>Other figures for the keys of particular projects.</summary>
    public Dictionary<string, ProjectRateLimit> Projects { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A project's own per-key figures.</summary>
public sealed class ProjectRateLimit
{
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; }

    [Range(1, 1_000_000)]
    public int Burst { get; set; }
}
