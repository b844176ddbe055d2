using AgentOps.Dashboard.Security;

namespace AgentOps.Dashboard.Tests.Fakes;

/// <summary>The signed-in person of a test: a name and a role per project, changed by the test before rendering.</summary>
public sealed class TestUser : ICurrentUser
{
    public DashboardUser User { get; set; } = As("ana", ("default", ProjectRole.Admin), ("staging", ProjectRole.Admin));

    public event Action? Changed;

    /// <summary>The session ends, as a failed revalidation ends it.</summary>
    public void SignOut()
    {
        User = DashboardUser.Anonymous;
        Changed?.Invoke();
    }

    public static DashboardUser As(string name, params (string Project, ProjectRole Role)[] grants) =>
        new(name, new ProjectGrants(grants.Select(g => new KeyValuePair<string, ProjectRole>(g.Project, g.Role))));

    public void Set(string name, params (string Project, ProjectRole Role)[] grants) => User = As(name, grants);
}
