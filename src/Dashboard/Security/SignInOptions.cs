using System.ComponentModel.DataAnnotations;

namespace AgentOps.Dashboard.Security;

/// <summary>Sign-in settings (section <c>AgentOps:Dashboard:SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "AgentOps:Dashboard:SignIn";

    public SignInMode Mode { get; set; } = SignInMode.Local;

    /// <summary>Failed local sign-ins in a row, for one user name, before it is locked out.</summary>
    [Range(1, 100)] public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked-out user name is refused, even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a session lasts without activity (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Development only, with no user configured: where the development user's generated password is kept (relative to the content root).</summary>
    public string DevPasswordFile { get; set; } = ".agentops/dev-password";

    /// <summary>The development user's name.</summary>
    public string DevUserName { get; set; } = "dev";
}
