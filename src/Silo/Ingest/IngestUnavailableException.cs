namespace AgentOps.Silo.Ingest;

/// <summary>The events could not be handed off: the pipeline is full (retry later) or storage is down.</summary>
public sealed class IngestUnavailableException(bool overloaded, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the hand-off is full (429), false when durable storage failed (503).</summary>
    public bool Overloaded { get; } = overloaded;
}
