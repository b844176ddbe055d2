using System.Globalization;

namespace AgentOps.LoadGenerator;

/// <summary>Reads the silo's storage transaction counter from <c>/metrics</c> (0 in the Local profile).</summary>
public static class StorageMeter
{
    public static async Task<long> TransactionsAsync(HttpClient http)
    {
        var text = await http.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith("agentops_storage_requests_total{", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
