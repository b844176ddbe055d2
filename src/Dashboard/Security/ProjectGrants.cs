using System.Collections.Frozen;

namespace AgentOps.Dashboard.Security;

/// <summary>A person's role in each project they may see; any other project does not exist for them.</summary>
public sealed class ProjectGrants
{
    private readonly FrozenDictionary<string, ProjectRole> _roles;

    public ProjectGrants(IEnumerable<KeyValuePair<string, ProjectRole>> roles)
    {
        // The strongest role wins when a person holds several for one project (e.g. two Entra groups).
        var strongest = new Dictionary<string, ProjectRole>(StringComparer.Ordinal);
        foreach (var (project, role) in roles)
        {
            if (role != ProjectRole.None && (!strongest.TryGetValue(project, out var held) || role > held))
            {
                strongest[project] = role;
            }
        }

        _roles = strongest.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ProjectGrants None { get; } = new([]);

    /// <summary>The projects granted, in ordinal order.</summary>
    public IReadOnlyList<string> Projects => _roles.Keys.Order(StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, ProjectRole> Roles => _roles;

    public bool IsEmpty => _roles.Count == 0;

    public ProjectRole RoleIn(string project) => _roles.GetValueOrDefault(project, ProjectRole.None);

    public bool Allows(string project, DashboardAction action) => RoleIn(project).Allows(action);
}
