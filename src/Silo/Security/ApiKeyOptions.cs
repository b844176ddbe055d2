using System.ComponentModel.DataAnnotations;

namespace AgentOps.Silo.Security;

/// <summary>One configured key: <c>AgentOps:Keys:N:{Project,Role,Key|KeyHash}</c>.</summary>
public sealed class ApiKeyEntry
{
    [Required] public string Project { get; set; } = string.Empty;
    [Required] public string Role { get; set; } = string.Empty;
    /// <summary>The key in clear (development); prefer <see cref="KeyHash"/>.</summary>
    public string? Key { get; set; }
    /// <summary>SHA-256 of the key, as 64 hex digits.</summary>
    public string? KeyHash { get; set; }
}

/// <summary>The keys from configuration (section <c>AgentOps</c>, list <c>Keys</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "AgentOps";

    public List<ApiKeyEntry> Keys { get; set; } = [];
}
