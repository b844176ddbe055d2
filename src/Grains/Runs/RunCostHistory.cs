namespace AgentOps.Runs;

/// <summary>The costs of an agent's last finished runs, for the running p95 that marks a run as expensive.</summary>
[GenerateSerializer]
public sealed class RunCostHistory
{
    /// <summary>Runs remembered.</summary>
    public const int Capacity = 200;

    /// <summary>Fewer runs than this and there is no p95 yet.</summary>
    public const int MinRuns = 20;

    [Id(0)] private readonly long[] _costs = new long[Capacity];
    [Id(1)] private int _count;
    [Id(2)] private int _next;

    /// <summary>The 95th percentile of the remembered costs, or null with too few runs.</summary>
    public long? P95()
    {
        if (_count < MinRuns)
        {
            return null;
        }

        var sorted = _costs.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(_count - 1, (int)Math.Ceiling(0.95 * _count) - 1)];
    }

    public void Add(long costNanos)
    {
        _costs[_next] = costNanos;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
    }
}
