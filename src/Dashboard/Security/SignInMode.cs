namespace AgentOps.Dashboard.Security;

/// <summary>How people sign in to the dashboard (<c>AgentOps:Dashboard:SignIn:Mode</c>).</summary>
public enum SignInMode
{
    /// <summary>User name and password from configuration (hashed), a cookie session; works offline.</summary>
    Local,
    /// <summary>OpenID Connect with Microsoft Entra ID (section <c>AzureAd</c>), roles mapped from app-role or group claims.</summary>
    EntraId,
}
