using AgentOps.Dashboard.Security.Local;

namespace AgentOps.Dashboard.Hosting;

/// <summary>Settings of the dashboard itself (section <c>AgentOps:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "AgentOps:Dashboard";

    /// <summary>
    /// The order of the project switcher (a person's first listed project opens by default), and the projects of the
    /// Development user. Who sees which project comes from sign-in: a person sees only the projects they have a role in.
    /// </summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>The local users (sign-in mode <c>Local</c>).</summary>
    public List<LocalUserSettings> Users { get; set; } = [];

    /// <summary>How often live subscriptions are renewed; the grains drop them after three minutes without renewal.</summary>
    public TimeSpan SubscriptionRenewal { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The projects to offer: the configured ones, or <c>default</c> when none is configured.</summary>
    public IReadOnlyList<string> EffectiveProjects => Projects.Count > 0 ? Projects.Distinct(StringComparer.Ordinal).ToList() : ["default"];
}
