namespace AgentOps.Alerts;

/// <summary>The persisted alerts of a project.</summary>
[GenerateSerializer]
public sealed class AlertBoardState
{
    [Id(0)] public Dictionary<string, AlertView> Open { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Queue<AlertView> History { get; set; } = new();
    [Id(2)] public List<Silence> Silences { get; set; } = [];
    /// <summary>Notifications muted by a silence (not sent).</summary>
    [Id(3)] public long Muted { get; set; }
    [Id(4)] public SortedSet<string> Channels { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Firing alerts whose fire a silence muted: sent once no silence mutes them; until then no resolve is sent.</summary>
    [Id(5)] public HashSet<string> UnsentFires { get; set; } = new(StringComparer.Ordinal);
}
