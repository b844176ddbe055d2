namespace AgentOps.Dashboard.Components;

/// <summary>The windows the entity page offers (API.md serves at least these).</summary>
public static class Windows
{
    public const string Default = "1h";

    public static IReadOnlyList<string> All { get; } = ["5m", "1h", "24h", "7d"];

    /// <summary>The window of a query parameter, or the default when it is missing or not offered.</summary>
    public static string Normalize(string? window) => window is not null && All.Contains(window) ? window : Default;

    public static TimeSpan ToTimeSpan(string window) => Durations.TryParse(window, out var span) ? span : TimeSpan.FromHours(1);

    public static string Describe(string window) => window switch
    {
        "5m" => "last 5 minutes",
        "1h" => "last hour",
        "24h" => "last 24 hours",
        "7d" => "last 7 days",
        _ => window,
    };
}
