namespace AgentOps.Dashboard.Hosting;

/// <summary>Settings of the dashboard itself (section <c>AgentOps:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "AgentOps:Dashboard";

    /// <summary>
    /// The projects people may look at, the first one opened by default. Until sign-in exists this list is the whole
    /// authorization story: every visitor sees every project listed here.
    /// </summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>How often live subscriptions are renewed; the grains drop them after three minutes without renewal.</summary>
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The projects to offer: the configured ones, or <c>default</c> when none is configured.</summary>
    public IReadOnlyList<string> EffectiveProjects => Projects.Count > 0 ? Projects.Distinct(StringComparer.Ordinal).ToList() : ["default"];
}
