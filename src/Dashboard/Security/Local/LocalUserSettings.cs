namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// One local user as configured (<c>AgentOps:Dashboard:Users:N</c>): a name, the password's hash (ASP.NET Core Identity
/// V3, made with <c>hash-password</c>) and a role per project, e.g. <c>Projects:alpha = admin</c>.
/// </summary>
public sealed class LocalUserSettings
{
    public string? Name { get; set; }

    public string? PasswordHash { get; set; }

    public Dictionary<string, string> Projects { get; set; } = [];
}
