namespace AgentOps.Rules;

/// <summary>The statistics baselines use, and the Jensen-Shannon divergence of tool mixes.</summary>
public static class Statistics
{
    /// <summary>The statistic of <paramref name="values"/> (which must not be empty).</summary>
    public static double Of(BaselineStat stat, IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return stat switch
        {
            BaselineStat.Median => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2,
            BaselineStat.Mean => sorted.Average(),
            BaselineStat.P90 => sorted[Math.Max(0, (int)Math.Ceiling(0.9 * sorted.Length) - 1)],
            _ => throw new ArgumentOutOfRangeException(nameof(stat)),
        };
    }

    /// <summary>
    /// The Jensen-Shannon divergence, base 2 (so 0 = same mix, 1 = disjoint), between two count distributions
    /// keyed by name. An empty distribution on either side gives 0: there is nothing to compare.
    /// </summary>
    public static double JensenShannon(IReadOnlyDictionary<string, long> p, IReadOnlyDictionary<string, long> q)
    {
        double pTotal = p.Values.Sum(), qTotal = q.Values.Sum();
        if (pTotal == 0 || qTotal == 0)
        {
            return 0;
        }

        var divergence = 0.0;
        foreach (var key in p.Keys.Union(q.Keys))
        {
            var pi = p.GetValueOrDefault(key) / pTotal;
            var qi = q.GetValueOrDefault(key) / qTotal;
            var mi = (pi + qi) / 2;
            divergence += (Term(pi, mi) + Term(qi, mi)) / 2;
        }

        return Math.Clamp(divergence, 0, 1);
    }

    private static double Term(double x, double m) => x == 0 ? 0 : x * Math.Log2(x / m);
}
