using System.ComponentModel.DataAnnotations;

namespace AgentOps.Notifications;

/// <summary>How notifications are delivered (configuration section <c>AgentOps:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "AgentOps:Notifications";

    /// <summary>The dashboard's base URL, for links in notifications (Alertmanager's <c>externalURL</c>).</summary>
    public Uri? ExternalUrl { get; set; }

    /// <summary>Retries after the first attempt, with exponential backoff and jitter.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Internal targets notifications may reach anyway: host names, addresses or CIDR ranges (e.g. an Alertmanager on
    /// the private network, <c>10.1.2.0/24</c>). Everything loopback, link-local, private or reserved is refused otherwise.
    /// </summary>
    public List<string> AllowedTargets { get; set; } = [];

    /// <summary>Notifications a channel queues at most; beyond, the oldest are dropped and counted.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1_000;
}
