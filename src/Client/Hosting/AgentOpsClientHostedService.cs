using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AgentOps.Client.Hosting;

/// <summary>
/// Ties the <see cref="AgentOpsClient"/> singleton to the host's lifetime: creating it at start starts the background
/// sender; stopping flushes what is queued, for at most <see cref="AgentOpsClientOptions.ShutdownTimeout"/> or until the
/// host's stop token fires. The container disposes the client afterwards, which sends anything tracked later.
/// </summary>
internal sealed class AgentOpsClientHostedService(AgentOpsClient client, IOptions<AgentOpsClientOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.ShutdownTimeout, client.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.StopFlushIncomplete(client.Logger, client.Counters.Pending);
        }
    }
}
