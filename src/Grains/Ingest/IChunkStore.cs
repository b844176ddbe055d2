using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>
/// Holds chunks too large for one queue message (the claim-check pattern): the ingest API stores the events and
/// publishes only their reference; the partition reads them back and deletes them once journaled.
/// </summary>
public interface IChunkStore
{
    /// <summary>Serialized bytes a chunk may take inside a stream item; larger chunks go to the store. <c>int.MaxValue</c> when the stream has no limit.</summary>
    int MaxInlineBytes { get; }

    Task<string> PutAsync(string project, IReadOnlyList<AgentEvent> events);

    Task<IReadOnlyList<AgentEvent>> GetAsync(string reference);

    Task DeleteAsync(string reference);
}
