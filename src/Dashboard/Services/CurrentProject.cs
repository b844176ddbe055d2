using AgentOps.Dashboard.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgentOps.Dashboard.Services;

/// <summary>
/// The project the person is looking at, and the projects they may switch to. One per circuit. Sign-in (a later
/// issue) replaces the configured implementation with one built from the person's per-project roles.
/// </summary>
public interface ICurrentProject
{
    /// <summary>The project every page reads.</summary>
    string Project { get; }

    /// <summary>The projects this person may look at; the first is the default.</summary>
    IReadOnlyList<string> Projects { get; }

    /// <summary>Raised when <see cref="Project"/> changes.</summary>
    event Action? Changed;

    /// <summary>Switches to another allowed project; false when it is not one of <see cref="Projects"/>.</summary>
    bool Select(string project);

    /// <summary>A link inside the dashboard that keeps the current project (<c>?project=</c> unless it is the default).</summary>
    string Link(string path);
}

/// <summary>
/// The projects of configuration <c>AgentOps:Dashboard:Projects</c>; the current one follows the <c>project</c> query
/// parameter of the address, so deep links open the right project.
/// </summary>
public sealed class ConfiguredProjects : ICurrentProject, IDisposable
{
    public const string QueryParameter = "project";

    private readonly NavigationManager? _navigation;

    public ConfiguredProjects(IOptions<DashboardOptions> options, NavigationManager? navigation = null)
    {
        Projects = options.Value.EffectiveProjects;
        Project = Projects[0];
        _navigation = navigation;
        if (_navigation is not null)
        {
            TryFollow(_navigation.Uri);
            _navigation.LocationChanged += OnLocationChanged;
        }
    }

    public string Project { get; private set; }

    public IReadOnlyList<string> Projects { get; }

    public event Action? Changed;

    public bool Select(string project)
    {
        if (!Projects.Contains(project, StringComparer.Ordinal))
        {
            return false;
        }

        if (project != Project)
        {
            Project = project;
            Changed?.Invoke();
        }

        return true;
    }

    public string Link(string path) => Links.WithProject(path, Project == Projects[0] ? null : Project);

    public void Dispose()
    {
        if (_navigation is not null)
        {
            _navigation.LocationChanged -= OnLocationChanged;
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => TryFollow(e.Location);

    private void TryFollow(string uri)
    {
        var query = new Uri(uri, UriKind.Absolute).Query;
        if (QueryHelpers.ParseQuery(query).TryGetValue(QueryParameter, out var values) && values.Count > 0 && values[0] is { } project)
        {
            Select(project);
        }
    }
}
