using System.Runtime.CompilerServices;

namespace AgentOps.Notifications;

/// <summary>Counts the attempts of one request inside the retry pipeline, so a delivery record can say how many it took.</summary>
public sealed class AttemptCountingHandler : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("agentops.attempts");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Attempts, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
