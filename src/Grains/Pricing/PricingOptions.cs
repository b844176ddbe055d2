namespace AgentOps.Pricing;

/// <summary>
/// The model price table (configuration section <c>AgentOps:Pricing</c>). The silo loads the default table from
/// <c>model-prices.json</c>; appsettings or environment variables override or add models,
/// e.g. <c>AgentOps__Pricing__Models__my-model__InputPer1M=1.5</c>.
/// </summary>
public sealed class PricingOptions
{
    public const string Section = "AgentOps:Pricing";

    /// <summary>Prices by model name (case-insensitive, without dated suffixes).</summary>
    public Dictionary<string, ModelPrice> Models { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
