using System.Security.Claims;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Security.EntraId;

namespace AgentOps.Dashboard.Tests.Security;

/// <summary>
/// The Entra ID half cannot sign in against Entra here (no network): these tests feed the claims an Entra ID token
/// carries (app roles, group ids, names) to the mapping the OpenID Connect handler calls on every sign-in.
/// </summary>
public sealed class EntraClaimsMapperTests
{
    private const string OpsGroup = "6f1c2a3b-0000-4000-8000-000000000001";

    private static readonly EntraIdOptions Options = new()
    {
        RoleMappings =
        [
            new() { Claim = "AgentOps.Alpha.Viewer", Project = "alpha", Role = "viewer" },
            new() { Claim = "AgentOps.Alpha.Admin", Project = "alpha", Role = "admin" },
            new() { Claim = OpsGroup, Project = "alpha", Role = "operator" },
            new() { Claim = OpsGroup, Project = "beta", Role = "operator" },
            new() { Claim = "AgentOps.Gamma.Viewer", Project = "gamma", Role = "viewer" },
        ],
    };

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "AuthenticationTypes.Federation"));

    [Fact]
    public void App_roles_and_groups_map_to_project_roles_and_the_strongest_wins()
    {
        var mapper = new EntraClaimsMapper(Options);

        var user = mapper.Map(Token(
            ("preferred_username", "ana@contoso.com"), ("name", "Ana Lopez"),
            ("roles", "AgentOps.Alpha.Viewer"), (ClaimTypes.Role, "AgentOps.Gamma.Viewer"), ("groups", OpsGroup), ("groups", "unmapped-group")));

        Assert.Equal("ana@contoso.com", user.Name);
        Assert.Equal(ProjectRole.Operator, user.Grants.RoleIn("alpha")); // viewer by app role, operator by group
        Assert.Equal(ProjectRole.Operator, user.Grants.RoleIn("beta"));
        Assert.Equal(ProjectRole.Viewer, user.Grants.RoleIn("gamma"));
        Assert.Equal(["alpha", "beta", "gamma"], user.Grants.Projects);
        Assert.Equal(ProjectRole.Admin, mapper.Map(Token(("oid", "1234"), ("roles", "AgentOps.Alpha.Admin"), ("groups", OpsGroup))).Grants.RoleIn("alpha"));
    }

    [Fact]
    public void A_person_whose_claims_map_to_nothing_has_no_project()
    {
        var mapper = new EntraClaimsMapper(Options);

        var user = mapper.Map(Token(("preferred_username", "eve@contoso.com"), ("roles", "SomeOtherApp.Admin"), ("groups", "unmapped-group"), ("scp", "AgentOps.Alpha.Admin")));

        Assert.Equal("eve@contoso.com", user.Name);
        Assert.True(user.Grants.IsEmpty);
    }

    [Fact]
    public void The_name_falls_back_from_the_user_name_to_the_display_name_and_the_object_id()
    {
        var mapper = new EntraClaimsMapper(Options);

        Assert.Equal("Ana Lopez", mapper.Map(Token(("name", "Ana Lopez"), ("oid", "1234"))).Name);
        Assert.Equal("1234", mapper.Map(Token(("oid", "1234"))).Name);
    }

    [Fact]
    public void The_mapped_claims_are_added_to_the_sign_in_and_read_back_by_the_dashboard()
    {
        var mapper = new EntraClaimsMapper(Options);
        var principal = Token(("preferred_username", "ana@contoso.com"), ("roles", "AgentOps.Alpha.Admin"));

        mapper.AddDashboardClaims(principal);

        var user = DashboardClaims.ToUser(principal);
        Assert.Equal("user:ana@contoso.com", user.Actor);
        Assert.Equal(ProjectRole.Admin, user.Grants.RoleIn("alpha"));
    }

    [Fact]
    public void Misconfigured_mappings_stop_the_start_with_the_key_to_fix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EntraClaimsMapper(new EntraIdOptions
        {
            RoleMappings =
            [
                new() { Claim = "AgentOps.Admin", Project = "alpha", Role = "owner" },
                new() { Claim = "", Project = "alpha", Role = "admin" },
                new() { Claim = "AgentOps.Admin", Project = "not a project", Role = "admin" },
            ],
        }));

        Assert.Contains("RoleMappings:0:Role must be viewer, operator or admin", error.Message, StringComparison.Ordinal);
        Assert.Contains("RoleMappings:1:Claim", error.Message, StringComparison.Ordinal);
        Assert.Contains("RoleMappings:2:Project", error.Message, StringComparison.Ordinal);
    }
}
