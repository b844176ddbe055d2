using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace AgentOps.Hosting;

/// <summary>
/// The Local profile's grain storage: Orleans' memory storage, except that writes once the silo is stopping are
/// skipped. That memory ends with the process, so such a write saves nothing; and as every grain deactivates at
/// once, the storage's own grains are often gone first, which made each write fail loudly (thousands of errors per
/// shutdown) and slowed the stop.
/// </summary>
public sealed class StoppingAwareMemoryStorage(IGrainStorage memory, IHostApplicationLifetime lifetime) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        memory.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Task.CompletedTask : memory.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Task.CompletedTask : memory.ClearStateAsync(stateName, grainId, grainState);
}
