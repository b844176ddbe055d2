using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace AgentOps.Pricing;

/// <summary>
/// Prices model calls from the configured table. Rates are held in pico-dollars per token so a call's cost is an
/// exact integer product, rounded once to nano-dollars. Cached input tokens are priced at the cached rate only,
/// never again at the full input rate.
/// </summary>
public sealed class PriceTable
{
    private const double PicosPerDollarPerMillionTokens = 1_000_000; // $1 per 1M tokens = 1e6 pico-dollars per token
    private const int MaxCachedNames = 10_000;

    private readonly FrozenDictionary<string, Rates> _rates;
    private readonly ConcurrentDictionary<string, Rates?> _resolved = new(StringComparer.Ordinal);

    public PriceTable(PricingOptions options)
    {
        _rates = options.Models.ToFrozenDictionary(
            m => m.Key.ToLowerInvariant(),
            m => Rates.From(m.Value),
            StringComparer.Ordinal);
    }

    /// <summary>Models in the table.</summary>
    public int Count => _rates.Count;

    /// <summary>
    /// The cost of a call in nano-dollars, or null when the model is not in the table (the call is then unpriced).
    /// </summary>
    public long? CostNanos(string model, long inputTokens, long outputTokens, long cachedInputTokens)
    {
        if (Resolve(model) is not { } rates)
        {
            return null;
        }

        var picos = ((inputTokens - cachedInputTokens) * rates.InputPicos)
            + (cachedInputTokens * rates.CachedInputPicos)
            + (outputTokens * rates.OutputPicos);
        return (picos + 500) / 1000;
    }

    /// <summary>True when the table prices <paramref name="model"/>.</summary>
    public bool Knows(string model) => Resolve(model) is not null;

    private Rates? Resolve(string model)
    {
        if (_resolved.TryGetValue(model, out var cached))
        {
            return cached;
        }

        var rates = Lookup(model);
        if (_resolved.Count < MaxCachedNames)
        {
            _resolved[model] = rates; // bounded: senders choose model names, so a flood of new ones must not grow memory
        }

        return rates;
    }

    private Rates? Lookup(string model)
    {
        foreach (var candidate in ModelNames.Candidates(model))
        {
            if (_rates.TryGetValue(candidate, out var rates))
            {
                return rates;
            }
        }

        return null;
    }

    private sealed record Rates(long InputPicos, long OutputPicos, long CachedInputPicos)
    {
        public static Rates From(ModelPrice price) => new(
            Picos(price.InputPer1M),
            Picos(price.OutputPer1M),
            Picos(price.CachedInputPer1M ?? price.InputPer1M));

        private static long Picos(double usdPerMillion) =>
            checked((long)Math.Round(usdPerMillion * PicosPerDollarPerMillionTokens, MidpointRounding.AwayFromZero));
    }
}
