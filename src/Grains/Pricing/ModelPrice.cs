namespace AgentOps.Pricing;

/// <summary>
/// The list price of one model in US dollars per million tokens. <see cref="CachedInputPer1M"/> prices input
/// tokens read from the provider's cache; when null they cost the full input rate.
/// </summary>
public sealed record ModelPrice
{
    public double InputPer1M { get; init; }
    public double OutputPer1M { get; init; }
    public double? CachedInputPer1M { get; init; }
    /// <summary>Where the price was read (the provider's pricing page).</summary>
    public string? Source { get; init; }
    /// <summary>When it was read, as yyyy-MM-dd.</summary>
    public string? AsOf { get; init; }
}
