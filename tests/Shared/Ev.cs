using System.Globalization;

namespace AgentOps.Tests;

/// <summary>Builds API.md events as JSON-ready dictionaries (shared by the test projects that post over HTTP).</summary>
internal static class Ev
{
    public static string Id() => Guid.NewGuid().ToString("N");

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Of(string type, string agent, string run, DateTimeOffset at, string? route = null, string? user = null) => new()
    {
        ["id"] = Id(),
        ["type"] = type,
        ["timestamp"] = Time(at),
        ["agentId"] = agent,
        ["runId"] = run,
        ["routeId"] = route,
        ["userId"] = user,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> e, string field, object? value)
    {
        e[field] = value;
        return e;
    }

    /// <summary>A whole run: start, one model call of the given cost, the given tool calls, then finish.</summary>
    public static IEnumerable<Dictionary<string, object?>> Run(
        string agent, string run, DateTimeOffset start, double costUsd, IEnumerable<string> tools, string? route = null, string? user = null, string outcome = "success")
    {
        yield return Of("run_started", agent, run, start, route, user);
        yield return Of("llm_call", agent, run, start.AddSeconds(1), route, user)
            .With("model", "gpt-4o").With("inputTokens", 1200).With("outputTokens", 300).With("costUsd", costUsd);
        var second = 2;
        foreach (var tool in tools)
        {
            yield return Of("tool_call", agent, run, start.AddSeconds(second++), route, user).With("tool", tool).With("action", "read");
        }

        yield return Of("run_finished", agent, run, start.AddSeconds(second), route, user).With("outcome", outcome);
    }
}
