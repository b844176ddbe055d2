namespace AgentOps.Silo.Ingest;

/// <summary>Size limits of ingest (API.md "Ingest"); requests beyond them get 413.</summary>
public static class EventLimits
{
    /// <summary>Largest request body.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>Most events per request.</summary>
    public const int MaxEventsPerRequest = 5_000;

    /// <summary>Longest short text field (model, tool, rubric, agent version, error type, evaluator).</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest tool target.</summary>
    public const int MaxTargetLength = 1_024;

    /// <summary>Longest attribute key.</summary>
    public const int MaxAttributeKeyLength = 128;

    /// <summary>Longest attribute value.</summary>
    public const int MaxAttributeValueLength = 4_096;

    /// <summary>Oldest event accepted, relative to now.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>Furthest into the future an event may be stamped (clock skew).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);
}
