using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Silo.Tests.Security;

/// <summary>
/// Bad input gets a 4xx, never a 500, on every endpoint: each member of a valid body replaced in turn by values of the
/// wrong type, out of range, oversized or not valid Unicode; bodies that are not JSON at all; odd path and query values.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class MalformedInputTests(SiloFactory silo)
{
    /// <summary>JSON texts put where a member's value goes.</summary>
    private static readonly string[] OddValues =
    [
        "null", "true", "0", "-1", "1.5", "1e308", "-1e308", "18446744073709551616", "-9223372036854775809",
        "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"é\"", "\"NaN\"", "\"-Infinity\"", "\"1e999\"",
        "\"2026-13-45T99:99:99Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"P1D\"", "\"-5m\"", "\"99999999999d\"",
        "\"**/../..\"", "\"javascript:alert(1)\"", "\"http://[::1]:99999/\"", $"\"{new string('x', 70_000)}\"",
        "[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}",
    ];

    private static readonly string[] OddBodies = ["", "{", "[]", "null", "\"x\"", "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)), new string('[', 10_000)];

    /// <summary>Bodies that are not UTF-8 where a JSON text must be (a string client cannot send these).</summary>
    private static readonly byte[][] OddBytes =
    [
        [0xFF, 0xFE, 0x00],
        [.. "{\""u8, 0xFF, .. "\":1}"u8],
        [.. "{\"events\":[{\""u8, 0xC3, .. "\":1}]}"u8],
        [.. "{\"events\":[{\"id\":\""u8, 0xED, 0xA0, 0x80, .. "\"}]}"u8],
    ];

    /// <summary>Member names put in place of a member's name.</summary>
    private static readonly string[] OddNames = ["\"\"", "\"\\ud800\"", "\"\\u0000\"", $"\"{new string('n', 5_000)}\""];

    /// <summary>Path and query values (a NUL is only tried in the query: the test host, like Kestrel, refuses it in a path).</summary>
    private static readonly string[] OddArguments = ["", "-1", "0", "abc", "%01", "%ff", "%ed%a0%80", "99999999999999999999", "1e9", "%2F..%2F", "*", new string('a', 3_000)];

    /// <summary>A valid body of every endpoint that takes JSON, with every member set, so that each one is reached.</summary>
    private static JsonObject ValidBody(string method, string template) => (method, template) switch
    {
        ("POST", "/v1/events") => new JsonObject
        {
            ["events"] = new JsonArray(
                Node(new { id = "m1", type = "llm_call", agentId = "m-agent", runId = "m-run", routeId = "r", userId = "u", agentVersion = "1", model = "gpt-4o", inputTokens = 10, outputTokens = 5, cachedInputTokens = 1, costUsd = 0.01, latencyMs = 5, status = "error", errorType = "x", attempt = 2, input = "hi", output = "yo", attributes = new { k = "v" } }),
                Node(new { id = "m2", type = "tool_call", agentId = "m-agent", runId = "m-run", tool = "search", action = "write", target = "db:x", approved = true }),
                Node(new { id = "m3", type = "eval", agentId = "m-agent", runId = "m-run", score = 0.5, rubric = "x", passed = true, evaluator = "e" }),
                Node(new { id = "m4", type = "run_finished", agentId = "m-agent", runId = "m-run", outcome = "success", timestamp = "2026-11-27T12:00:00Z" })),
        },
        ("POST", "/v1/guard") => Node(new { agentId = "m-agent", runId = "m-run", tool = "search", action = "write", target = "db:x", estimatedCostUsd = 0.5 }),
        ("PUT", "/v1/agents/{agentId}/policy") => Node(new { autonomyTier = "staging-only", allowedTools = new[] { "read_*" }, deniedTools = new[] { "drop" }, writeTargets = new[] { "db:*" }, approvalRequiredFor = new[] { "write" }, maxCostPerRunUsd = 2.0, maxDailyCostUsd = 100.0, paused = false }),
        ("PUT", "/v1/rules/{ruleId}") => Node(new { scope = "agent", match = "*", metric = "costPerSuccessfulRun", window = "1h", op = ">=", threshold = 2, baseline = new { window = "7d", stat = "median", factor = 2.0, minPoints = 3 }, @for = "0s", minSamples = 5, severity = "warning", labels = new { team = "a" }, channels = Array.Empty<string>() }),
        ("POST", "/v1/alerts/{alertId}/ack") => Node(new { by = "me", comment = "on it" }),
        ("POST", "/v1/silences") => Node(new { matchers = new { ruleId = "r", scope = "agent", entityId = "e" }, startsAt = "2026-11-27T12:00:00Z", endsAt = "2099-01-01T00:00:00Z", comment = "c" }),
        ("PUT", "/v1/channels/{name}") => Node(new { type = "webhook", url = "https://example.com/hook", secret = "0123456789abcdef0123456789abcdef" }),
        ("PUT", "/v1/settings/trajectories") => Node(new { sampleRate = 0.5, retentionDays = 7, agentSampleRates = new { a = 1.0 } }),
        ("POST", "/v1/keys") => Node(new { name = "k", role = "read" }),
        ("POST", "/v1/keys/{keyId}/rotate") => Node(new { graceMinutes = 5 }),
        _ => throw new InvalidOperationException($"{method} {template} takes a body but has no valid one here: add it, so its members are fuzzed too."),
    };

    [Fact]
    public async Task No_malformed_body_or_argument_gets_a_server_error()
    {
        var client = silo.IsolatedProjectClient();
        var failures = new List<string>();
        var calls = 0;

        async Task<int> SendAsync(HttpMethod method, string path, HttpContent? content, string shown)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request);
            calls++;
            if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                var answer = await response.Content.ReadAsStringAsync();
                failures.Add($"{method} {path[..Math.Min(path.Length, 80)]} {shown[..Math.Min(shown.Length, 80)]} -> {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 300)]}");
            }

            return (int)response.StatusCode;
        }

        Task<int> CallAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json") =>
            SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8, contentType), body ?? string.Empty);

        foreach (var (methodName, template, _) in ApiSurface.Endpoints(silo))
        {
            var method = new HttpMethod(methodName);
            var takesBody = methodName is "POST" or "PUT";
            foreach (var odd in OddArguments)
            {
                await CallAsync(method, Fill(template, odd) + Query(odd), takesBody ? "{}" : null);
            }

            await CallAsync(method, Fill(template, "m-id") + Query("%00"), takesBody ? "{}" : null);

            if (!takesBody)
            {
                continue;
            }

            var path = Fill(template, "m-id");
            foreach (var contentType in new[] { "application/json", "text/plain", "application/x-protobuf" })
            {
                foreach (var odd in OddBodies)
                {
                    await CallAsync(method, path, odd, contentType);
                }

                foreach (var odd in OddBytes)
                {
                    await SendAsync(method, path, new ByteArrayContent(odd) { Headers = { ContentType = new(contentType) } }, Convert.ToHexString(odd));
                }
            }

            if (template == "/v1/traces")
            {
                continue; // OTLP's members are taken apart by OtlpJsonReaderTests and TracesApiTests
            }

            var valid = ValidBody(methodName, template);
            var answer = await CallAsync(method, path, valid.ToJsonString());
            Assert.True(answer is >= 200 and < 300 or 404, $"The valid body of {methodName} {template} got {answer}: the sweep would only test the rejection of it.");
            foreach (var member in Members(valid))
            {
                foreach (var odd in OddValues)
                {
                    await CallAsync(method, path, WithValue(valid, member, odd));
                }

                foreach (var name in OddNames)
                {
                    await CallAsync(method, path, WithName(valid, member, name));
                }
            }
        }

        Assert.True(calls > 3_000, $"Only {calls} calls were made.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls failed:\n" + string.Join("\n", failures.Take(20)));
    }

    private static string Query(string odd) => $"?limit={odd}&window={odd}&cursor={odd}&state={odd}&scope={odd}&entityId={odd}";

    private static JsonObject Node(object value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value))!.AsObject();

    private static string Fill(string template, string value) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", value.Length == 0 ? "%20" : value);

    /// <summary>The path of every member of the body, nested ones and the members of array items included.</summary>
    private static IEnumerable<string[]> Members(JsonNode node, string[]? prefix = null)
    {
        prefix ??= [];
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                string[] path = [.. prefix, name];
                yield return path;
                foreach (var inner in value is null ? [] : Members(value, path))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var inner in array[i] is { } item ? Members(item, [.. prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]) : [])
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>One step of a member's path: a name, or an array index.</summary>
    private static JsonNode Child(JsonNode node, string step) => node is JsonArray array ? array[Index(step)]! : node[step]!;

    private static int Index(string step) => int.Parse(step, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body with one member's value replaced by a raw JSON text (which may be one no serializer would write).</summary>
    private static string WithValue(JsonObject valid, string[] member, string rawJson)
    {
        const string marker = "\"__odd_value__\"";
        var copy = valid.DeepClone();
        var parent = member[..^1].Aggregate(copy, Child);
        if (parent is JsonArray items)
        {
            items[Index(member[^1])] = "__odd_value__";
        }
        else
        {
            parent[member[^1]] = "__odd_value__";
        }

        var json = copy.ToJsonString();
        Assert.Contains(marker, json, StringComparison.Ordinal);
        return json.Replace(marker, rawJson, StringComparison.Ordinal);
    }

    /// <summary>The body with one member's name replaced by a raw JSON string (array items have no name and stay).</summary>
    private static string WithName(JsonObject valid, string[] member, string rawName)
    {
        const string marker = "__odd_name__";
        var copy = valid.DeepClone();
        var parent = member[..^1].Aggregate(copy, Child);
        if (parent is JsonObject obj && obj[member[^1]] is var value)
        {
            obj.Remove(member[^1]);
            obj[marker] = value?.DeepClone();
        }

        return copy.ToJsonString().Replace($"\"{marker}\"", rawName, StringComparison.Ordinal);
    }
}
