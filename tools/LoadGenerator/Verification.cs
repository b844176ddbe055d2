using System.Text.Json.Nodes;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Zero loss, measured: the events counted by all agents over the last hour (model and tool calls, evals, run starts
/// and finishes), before and after the load, must differ by exactly the events the silo acknowledged.
/// </summary>
public static class Verification
{
    public static async Task<long> CountedEventsAsync(HttpClient http)
    {
        long total = 0;
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/v1/agents?window=1h&limit=1000{(cursor is null ? "" : "&cursor=" + cursor)}"))!;
            foreach (var item in page["items"]!.AsArray())
            {
                var m = item!["metrics"]!;
                total += (long)m["llmCalls"]! + (long)m["toolCalls"]! + (long)m["evalCount"]! + (long)m["runsStarted"]! + (long)m["runsFinished"]!;
            }

            cursor = (string?)page["next"];
        }
        while (cursor is not null);
        return total;
    }

    /// <summary>Waits until the counted events reach the expected number (or 2 minutes pass) and reports.</summary>
    public static async Task<bool> ReportAsync(HttpClient http, long before, long acknowledged)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        long counted;
        do
        {
            counted = await CountedEventsAsync(http) - before;
            if (counted == acknowledged)
            {
                break;
            }

            await Task.Delay(1_000);
        }
        while (DateTime.UtcNow < deadline);
        Console.WriteLine($"verification      : {acknowledged} events acknowledged, {counted} counted: {(counted == acknowledged ? "no loss, no double" : "MISMATCH")}");
        return counted == acknowledged;
    }
}
