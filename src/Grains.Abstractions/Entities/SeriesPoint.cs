namespace AgentOps.Entities;

/// <summary>One bucket of a time series: its start and its metrics (minute buckets up to 2 h, hour buckets beyond).</summary>
[GenerateSerializer, Immutable, Alias("agentops.series-point")]
public sealed record SeriesPoint(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] MetricsView Metrics);
