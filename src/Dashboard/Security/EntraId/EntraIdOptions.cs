namespace AgentOps.Dashboard.Security.EntraId;

/// <summary>Entra ID sign-in settings of the dashboard (section <c>AgentOps:Dashboard:EntraId</c>; the app registration is section <c>AzureAd</c>).</summary>
public sealed class EntraIdOptions
{
    public const string Section = "AgentOps:Dashboard:EntraId";

    public List<EntraRoleMapping> RoleMappings { get; set; } = [];
}
