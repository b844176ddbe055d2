namespace AgentOps.Ingest;

/// <summary>Names shared by the ingest API (producer) and the partition grains (consumers).</summary>
public static class IngestStreams
{
    /// <summary>The stream provider that carries events into the grains.</summary>
    public const string Provider = "events";

    /// <summary>The stream namespace; the stream key is the partition grain's key.</summary>
    public const string Namespace = "agentops.events";
}
