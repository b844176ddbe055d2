using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgentOps.Dashboard.Services;

/// <summary>The project the person is looking at, and the projects they may switch to. One per circuit.</summary>
public interface ICurrentProject
{
    /// <summary>The project every page reads.</summary>
    string Project { get; }

    /// <summary>The projects this person may look at (those they have a role in); the first is the default. Empty: none.</summary>
    IReadOnlyList<string> Projects { get; }

    /// <summary>Raised when <see cref="Project"/> changes.</summary>
    event Action? Changed;

    /// <summary>Switches to another allowed project; false when it is not one of <see cref="Projects"/>.</summary>
    bool Select(string project);

    /// <summary>A link inside the dashboard that keeps the current project (<c>?project=</c> unless it is the default).</summary>
    string Link(string path);

    /// <summary>
    /// False when the address names (<c>?project=</c>) a project this person may not see: the page then answers "not
    /// found", the same as for an address that does not exist, so nobody learns what another project holds.
    /// </summary>
    bool AllowsAddress(string uri);
}

/// <summary>
/// The projects the signed-in person has a role in, in the order of <c>AgentOps:Dashboard:Projects</c> and then by name;
/// the current one follows the <c>project</c> query parameter of the address, so deep links open the right project.
/// </summary>
public sealed class UserProjects : ICurrentProject, IDisposable
{
    public const string QueryParameter = "project";

    private readonly NavigationManager? _navigation;

    public UserProjects(ICurrentUser user, IOptions<DashboardOptions> options, NavigationManager? navigation = null)
    {
        var granted = user.User.Grants.Projects;
        var order = options.Value.Projects;
        Projects = granted.OrderBy(p => order.IndexOf(p) is var i and >= 0 ? i : int.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToList();
        Project = Projects.Count > 0 ? Projects[0] : string.Empty;
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

    public string Link(string path) => Links.WithProject(path, Projects.Count == 0 || Project == Projects[0] ? null : Project);

    public bool AllowsAddress(string uri) =>
        !TryGetAddressedProjects(uri, out var named) || named.All(p => p is not null && Projects.Contains(p, StringComparer.Ordinal));

    public void Dispose()
    {
        if (_navigation is not null)
        {
            _navigation.LocationChanged -= OnLocationChanged;
        }
    }

    private static bool TryGetAddressedProjects(string uri, out Microsoft.Extensions.Primitives.StringValues projects) =>
        QueryHelpers.ParseQuery(new Uri(uri, UriKind.Absolute).Query).TryGetValue(QueryParameter, out projects);

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => TryFollow(e.Location);

    private void TryFollow(string uri)
    {
        if (TryGetAddressedProjects(uri, out var values) && values.Count > 0 && values[0] is { } project)
        {
            Select(project);
        }
    }
}
