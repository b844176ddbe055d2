using System.Globalization;

namespace AgentOps.LoadGenerator;

/// <summary>Collects samples (milliseconds) and reports percentiles.</summary>
public sealed class Percentiles
{
    private readonly List<double> _samples = [];
    private readonly Lock _lock = new();

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _samples.Add(milliseconds);
        }
    }

    public int Count => _samples.Count;

    public double At(double quantile)
    {
        lock (_lock)
        {
            if (_samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _samples.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
        }
    }

    public string Summary() => Count == 0
        ? "none measured"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, p99 {At(0.99):0.0} ms, max {At(1):0.0} ms (n={Count})");
}
