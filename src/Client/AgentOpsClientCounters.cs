namespace AgentOps.Client;

/// <summary>
/// A snapshot of what an <see cref="AgentOpsClient"/> did with the events it was given. Once everything queued has
/// been sent, <c>Enqueued == Delivered + Rejected + Failed</c>; <see cref="Dropped"/> events never entered the queue.
/// </summary>
/// <param name="Enqueued">Events taken into the queue by <see cref="AgentOpsClient.Track"/>.</param>
/// <param name="Delivered">Events the server acknowledged with a 2xx (accepted now or earlier: <see cref="Duplicates"/> are included).</param>
/// <param name="Duplicates">Delivered events the server already had (a resend after a lost answer, or a reused id).</param>
/// <param name="Rejected">Events a 207 listed as invalid; they are not retried.</param>
/// <param name="Failed">Events given up: a 400/401/403 (or other non-retryable status) for their batch, a single event still too large, <see cref="AgentOpsClientOptions.MaxAttempts"/> reached, or still unsent when disposal timed out.</param>
/// <param name="Dropped">Events refused because the queue was full (or the client was disposed).</param>
/// <param name="Retries">Requests repeated after a 429, 408, 5xx, timeout or network error.</param>
public readonly record struct AgentOpsClientCounters(
    long Enqueued,
    long Delivered,
    long Duplicates,
    long Rejected,
    long Failed,
    long Dropped,
    long Retries)
{
    /// <summary>Events queued or in flight: taken in but not yet delivered, rejected or failed.</summary>
    public long Pending => Enqueued - Delivered - Rejected - Failed;
}
