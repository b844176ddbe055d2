namespace AgentOps.Dashboard.Services;

/// <summary>The person's light or dark choice for this circuit; remembered in a cookie by the layout.</summary>
public sealed class ThemePreference
{
    public const string CookieName = "agentops-theme";

    /// <summary>True for dark, false for light, null to follow the system.</summary>
    public bool? IsDark { get; private set; }

    public void Initialize(string? cookie) => IsDark = cookie switch
    {
        "dark" => true,
        "light" => false,
        _ => null,
    };

    public void Set(bool dark) => IsDark = dark;
}
