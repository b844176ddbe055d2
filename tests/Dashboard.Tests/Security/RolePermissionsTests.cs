using System.Security.Claims;
using AgentOps.Dashboard.Security;

namespace AgentOps.Dashboard.Tests.Security;

public sealed class RolePermissionsTests
{
    [Theory]
    [InlineData(ProjectRole.None, false, false, false, false, false, false)]
    [InlineData(ProjectRole.Viewer, true, false, false, false, false, false)]
    [InlineData(ProjectRole.Operator, true, true, true, false, false, false)]
    [InlineData(ProjectRole.Admin, true, true, true, true, true, true)]
    public void Each_role_includes_the_ones_below_it(ProjectRole role, bool view, bool ack, bool silence, bool rules, bool policies, bool audit)
    {
        Assert.Equal(view, role.Allows(DashboardAction.View));
        Assert.Equal(ack, role.Allows(DashboardAction.Acknowledge));
        Assert.Equal(silence, role.Allows(DashboardAction.Silence));
        Assert.Equal(rules, role.Allows(DashboardAction.EditRules));
        Assert.Equal(policies, role.Allows(DashboardAction.EditPolicies));
        Assert.Equal(audit, role.Allows(DashboardAction.ReadAudit));
    }

    [Fact]
    public void Roles_are_read_by_name_in_any_case_and_nothing_else_is_a_role()
    {
        Assert.True(ProjectRoles.TryParse("Operator", out var role));
        Assert.Equal(ProjectRole.Operator, role);
        Assert.True(ProjectRoles.TryParse(" admin ", out role));
        Assert.Equal(ProjectRole.Admin, role);
        Assert.False(ProjectRoles.TryParse("owner", out role));
        Assert.False(ProjectRoles.TryParse("none", out _));
        Assert.False(ProjectRoles.TryParse(null, out _));
        Assert.Equal("viewer", ProjectRole.Viewer.Name());
    }

    [Fact]
    public void A_person_has_the_strongest_role_granted_for_a_project_and_no_role_elsewhere()
    {
        var grants = new ProjectGrants(
        [
            new("alpha", ProjectRole.Viewer),
            new("alpha", ProjectRole.Admin),
            new("beta", ProjectRole.Operator),
            new("gamma", ProjectRole.None),
        ]);

        Assert.Equal(ProjectRole.Admin, grants.RoleIn("alpha"));
        Assert.Equal(ProjectRole.Operator, grants.RoleIn("beta"));
        Assert.Equal(ProjectRole.None, grants.RoleIn("gamma"));
        Assert.Equal(ProjectRole.None, grants.RoleIn("Alpha")); // project ids are case-sensitive
        Assert.Equal(["alpha", "beta"], grants.Projects);
        Assert.True(grants.Allows("beta", DashboardAction.Silence));
        Assert.False(grants.Allows("beta", DashboardAction.EditRules));
        Assert.False(grants.Allows("delta", DashboardAction.View));
    }

    [Fact]
    public void The_access_check_refuses_what_the_role_does_not_allow()
    {
        var access = new ProjectAccess(new Fakes.TestUser { User = Fakes.TestUser.As("olivia", ("default", ProjectRole.Operator)) });

        access.Demand("default", DashboardAction.Acknowledge);
        var refused = Assert.Throws<ProjectAccessDeniedException>(() => access.Demand("default", DashboardAction.EditRules));
        Assert.Equal(DashboardAction.EditRules, refused.Action);
        Assert.Throws<ProjectAccessDeniedException>(() => access.Demand("fleet10k", DashboardAction.View));
    }

    [Fact]
    public void A_user_travels_in_claims_and_comes_back_the_same()
    {
        var user = Fakes.TestUser.As("ana@ops", ("alpha", ProjectRole.Admin), ("team:b@x", ProjectRole.Viewer));
        var identity = new ClaimsIdentity(DashboardClaims.For(user), DashboardClaims.LocalAuthenticationType);

        var back = DashboardClaims.ToUser(new ClaimsPrincipal(identity));

        Assert.Equal("ana@ops", back.Name);
        Assert.Equal("user:ana@ops", back.Actor);
        Assert.Equal(ProjectRole.Admin, back.Grants.RoleIn("alpha"));
        Assert.Equal(ProjectRole.Viewer, back.Grants.RoleIn("team:b@x"));
        Assert.Contains(identity.Claims, c => c.Type == DashboardClaims.Grant && c.Value == "alpha=admin");
    }

    [Fact]
    public void Claims_that_are_not_a_signed_in_dashboard_user_give_nobody()
    {
        var notAuthenticated = new ClaimsPrincipal(new ClaimsIdentity([new Claim(DashboardClaims.Name, "mallory"), new Claim(DashboardClaims.Grant, "alpha=admin")]));
        Assert.Same(DashboardUser.Anonymous, DashboardClaims.ToUser(notAuthenticated));
        Assert.Same(DashboardUser.Anonymous, DashboardClaims.ToUser(null));

        var malformed = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(DashboardClaims.Name, "ana"), new Claim(DashboardClaims.Grant, "alpha=owner"), new Claim(DashboardClaims.Grant, "=admin"), new Claim(DashboardClaims.Grant, "beta")],
            "test"));
        var user = DashboardClaims.ToUser(malformed);
        Assert.Equal("ana", user.Name);
        Assert.True(user.Grants.IsEmpty);
    }
}
