using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentOps.LoadGenerator;

/// <summary>For the rule-cost comparison: removes the project's rules for the run and puts them back afterwards.</summary>
public sealed class RuleSwitch : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<JsonNode> _removed = [];

    private RuleSwitch(HttpClient http) => _http = http;

    public static async Task<RuleSwitch> RemoveAllAsync(HttpClient http)
    {
        var rules = new RuleSwitch(http);
        foreach (var rule in JsonNode.Parse(await http.GetStringAsync("/v1/rules"))!["items"]!.AsArray())
        {
            rules._removed.Add(rule!.DeepClone());
            (await http.DeleteAsync($"/v1/rules/{(string)rule["id"]!}")).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"rules             : {rules._removed.Count} removed for this run");
        await Task.Delay(TimeSpan.FromSeconds(3));
        return rules;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var rule in _removed)
        {
            (await _http.PutAsJsonAsync($"/v1/rules/{(string)rule["id"]!}", rule)).EnsureSuccessStatusCode();
        }
    }
}
