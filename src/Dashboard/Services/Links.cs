using AgentOps.Entities;
using AgentOps.Events;

namespace AgentOps.Dashboard.Services;

/// <summary>The deep links of the dashboard: every entity, run, alert and rule has an address of its own.</summary>
public static class Links
{
    public const string Fleet = "/";
    public const string Alerts = "/alerts";
    public const string Rules = "/rules";
    public const string NewRule = "/rules/new";
    public const string Audit = "/audit";

    /// <summary>The path segment of a kind: agents, routes or users.</summary>
    public static string Segment(EntityKind kind) => kind.ToWire() + "s";

    public static string Entity(EntityKind kind, string id, string? window = null) =>
        $"/{Segment(kind)}/{Uri.EscapeDataString(id)}" + (window is null ? string.Empty : $"?window={window}");

    public static string Agent(string id) => Entity(EntityKind.Agent, id);

    public static string Run(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";

    public static string Alert(string alertId) => $"/alerts/{Uri.EscapeDataString(alertId)}";

    public static string Rule(string ruleId) => $"/rules/{Uri.EscapeDataString(ruleId)}";

    public static string FleetOf(EntityKind kind) => kind == EntityKind.Agent ? Fleet : $"/?kind={kind.ToWire()}";

    /// <summary>Adds <c>project=</c> to a path (or replaces nothing when <paramref name="project"/> is null).</summary>
    public static string WithProject(string path, string? project) =>
        project is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "project=" + Uri.EscapeDataString(project);
}
