using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentOps.Silo.Storage;

/// <summary>Ready only while the storage account answers: ingest would otherwise have to refuse events (503).</summary>
public sealed class StorageReadyCheck(AzureStorageAccount account) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in account.Tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1).WithCancellation(timeout.Token))
            {
                break;
            }

            await foreach (var _ in account.Queues.GetQueuesAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 1).WithCancellation(timeout.Token))
            {
                break;
            }

            return HealthCheckResult.Healthy("Azure Storage answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Azure Storage does not answer: events cannot be stored durably.", ex);
        }
    }
}
