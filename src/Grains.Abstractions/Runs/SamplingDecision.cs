namespace AgentOps.Runs;

/// <summary>
/// Whether a finished run's steps are kept (tail-based sampling, decided by its agent when the run finishes) and why:
/// <c>failed</c>, <c>violation</c>, <c>alert</c>, <c>retries</c>, <c>expensive</c> or <c>sampled</c> (kept by the rate);
/// a dropped run keeps only its totals.
/// </summary>
[GenerateSerializer, Immutable, Alias("agentops.sampling-decision")]
public sealed record SamplingDecision(
    [property: Id(0)] string RunId,
    [property: Id(1)] bool Keep,
    [property: Id(2)] string Reason);
