using AgentOps.Events;

namespace AgentOps.Ingest;

/// <summary>The Local profile's chunk store: memory streams take items of any size, so nothing is ever stored aside.</summary>
public sealed class InlineChunkStore : IChunkStore
{
    public int MaxInlineBytes => int.MaxValue;

    public Task<string> PutAsync(string project, IReadOnlyList<AgentEvent> events) =>
        throw new InvalidOperationException("Memory streams carry every chunk inline.");

    public Task<IReadOnlyList<AgentEvent>> GetAsync(string reference) =>
        throw new InvalidOperationException($"No chunk is stored aside in the Local profile (asked for '{reference}').");

    public Task DeleteAsync(string reference) => Task.CompletedTask;
}
