using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentOps.Silo.Storage;

/// <summary>
/// Ready only while the storage account answers: ingest would otherwise have to refuse events (503). A probe costs two
/// billed storage calls and <c>/health/ready</c> is anonymous and not rate-limited (orchestrators must always reach it),
/// so one probe's answer serves every check for <see cref="Reuse"/>: a flood of checks cannot run up the bill or get
/// the account throttled for ingest. Registered as a singleton, which holds that answer.
/// </summary>
public sealed class StorageReadyCheck(AzureStorageAccount account) : IHealthCheck
{
    /// <summary>How long one probe's answer serves.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private Probe? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _last) is { } last && Stopwatch.GetElapsedTime(last.At) < Reuse)
        {
            return last.Answer.WaitAsync(cancellationToken);
        }

        // Not the caller's token: the answer serves other callers too, and the probe has its own timeout.
        var probe = new Probe(ProbeAsync(), Stopwatch.GetTimestamp());
        Volatile.Write(ref _last, probe);
        return probe.Answer.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
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
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Azure Storage does not answer: events cannot be stored durably.", ex);
        }
    }

    private sealed record Probe(Task<HealthCheckResult> Answer, long At);
}
