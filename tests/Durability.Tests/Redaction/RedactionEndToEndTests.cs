using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Grains.Tests.Redaction;

namespace AgentOps.Durability.Tests.Redaction;

/// <summary>
/// The whole system against the secret corpus: every secret is sent in plain text, nested JSON, tool arguments, targets,
/// attributes, invalid fields and OTLP attributes; afterwards none of them is in Azurite (every table row, blob and
/// queued message), in any API answer, webhook or log line, while the ordinary text around them is kept.
/// </summary>
public sealed class RedactionEndToEndTests
{
    private const string Ordinary = "please help with order 42";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task No_secret_reaches_storage_api_answers_webhooks_or_logs_and_the_text_around_them_survives()
    {
        var secrets = SecretCorpus.All;
        var scanner = new SecretScanner(secrets);
        Assert.Empty(scanner.Unsearchable);
        using var receiver = new CapturingReceiver();
        await using var azurite = await AzuriteInstance.StartAsync();
        using var silo = new SiloInstance(azurite.ConnectionString, "redact-" + _run, "p" + _run, new Dictionary<string, string>
        {
            ["AgentOps__Notifications__AllowedTargets__0"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__AgentOps"] = "Debug",
            ["Logging__LogLevel__AgentOps.Silo.Security"] = "Information", // not a line per request
        });
        await silo.StartAsync();
        using var client = silo.CreateClient();
        var answers = new List<(string Where, string Body)>();

        (await client.PutAsJsonAsync("/v1/settings/trajectories", new { sampleRate = 1.0 })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/channels/hook", new { type = "webhook", url = receiver.Url })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/v1/rules/busy-user", new { scope = "user", metric = "toolCalls", window = "5m", op = ">", threshold = 0, channels = new[] { "hook" } }))
            .EnsureSuccessStatusCode();

        var ingest = await client.PostAsJsonAsync("/v1/events", new { events = secrets.SelectMany(Events).ToList() });
        answers.Add(("POST /v1/events", await ingest.Content.ReadAsStringAsync()));
        Assert.True(ingest.StatusCode == HttpStatusCode.MultiStatus, answers[^1].Body); // the invalid events are refused, the rest accepted
        var otlp = await client.PostAsync("/v1/traces", new StringContent(Otlp(secrets), Encoding.UTF8, "application/json"));
        answers.Add(("POST /v1/traces", await otlp.Content.ReadAsStringAsync()));
        Assert.True(otlp.IsSuccessStatusCode, answers[^1].Body);

        await Eventually.AssertAsync(async () =>
        {
            foreach (var i in Enumerable.Range(0, secrets.Count))
            {
                Assert.Equal("kept", (string?)JsonNode.Parse(await client.GetStringAsync($"/v1/runs/run-{i}"))!["sampling"]!["state"]);
            }

            Assert.True(!receiver.Requests.IsEmpty, "No webhook yet; alerts: " + await client.GetStringAsync("/v1/alerts?state=all"));
        }, TimeSpan.FromSeconds(60));

        var paths = Enumerable.Range(0, secrets.Count).SelectMany(i => new[] { $"/v1/runs/run-{i}", $"/v1/runs/run-{i}/steps.jsonl" })
            .Concat(["/v1/agents", "/v1/users", "/v1/routes", "/v1/agents/secret-holder?window=5m", "/v1/agents/otlp-agent", "/v1/alerts?state=all",
                "/v1/agents/secret-holder/violations", "/v1/agents/secret-holder/runs", "/v1/channels/hook", "/v1/audit"]);
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            answers.Add((path, await response.Content.ReadAsStringAsync()));
        }

        silo.Stop(); // a clean stop writes every grain's state: storage then holds all there is
        foreach (var (where, body) in answers)
        {
            scanner.Scan("answer of " + where, body);
        }

        foreach (var request in receiver.Requests)
        {
            scanner.Scan("webhook", request);
        }

        scanner.Scan("silo log", silo.AllOutput);
        var scanned = await StorageDump.ScanAsync(azurite.ConnectionString, scanner);

        Assert.True(scanned > 50, $"Only {scanned} storage items were scanned.");
        Assert.True(scanner.Findings.Count == 0, "Secrets found:\n" + string.Join('\n', scanner.Findings.Distinct().Take(40)));
        var steps = answers.Single(a => a.Where == "/v1/runs/run-0").Body;
        Assert.Contains(Ordinary, steps, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", steps, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", answers.Single(a => a.Where == "/v1/users").Body, StringComparison.Ordinal);
    }

    private static IEnumerable<object> Events(Secret secret, int i)
    {
        var now = DateTimeOffset.UtcNow;
        string Time(int second) => now.AddSeconds(second - 10).ToString("O", CultureInfo.InvariantCulture);
        var run = $"run-{i}";
        var user = i == 0 ? "jane.doe@example.com" : "u1";
        // Labelled secrets (an AWS secret key, an Azure account key) are only secrets next to their label: always send both.
        var singleLine = !secret.Text.Contains('\n', StringComparison.Ordinal) && secret.Text.Length < 900;
        yield return new { id = $"{run}-s", type = "run_started", agentId = "secret-holder", runId = run, userId = user, routeId = "support", timestamp = Time(0) };
        yield return new
        {
            id = $"{run}-l",
            type = "llm_call",
            agentId = "secret-holder",
            runId = run,
            userId = user,
            timestamp = Time(1),
            model = "gpt-4o",
            inputTokens = 100,
            outputTokens = 20,
            input = JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = $"my credentials: {secret.Text}" } } }),
            output = $"Customer wrote: {secret.Text} - {Ordinary}.",
        };
        yield return new
        {
            id = $"{run}-t",
            type = "tool_call",
            agentId = "secret-holder",
            runId = run,
            userId = user,
            timestamp = Time(2),
            tool = "http",
            action = "read",
            input = JsonSerializer.Serialize(new { args = new { nested = new { value = secret.Text, note = "as JSON in JSON: " + JsonSerializer.Serialize(new { secret.Text }) } } }),
            target = singleLine ? "api:" + secret.Text : "api:inbox",
            attributes = new Dictionary<string, string> { ["note"] = secret.Text.Length <= 4000 ? secret.Text : "long" },
        };
        yield return new { id = $"{run}-f", type = "run_finished", agentId = "secret-holder", runId = run, userId = user, timestamp = Time(3), outcome = "failure" };
        if (singleLine)
        {
            yield return new { id = $"{run}-bad", type = "llm_call", agentId = "secret-holder", runId = run, timestamp = secret.Text }; // refused, and the refusal quotes the field
        }
    }

    private static string Otlp(IReadOnlyList<Secret> secrets)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var spans = secrets.Select((secret, i) => new
        {
            traceId = i.ToString("x32", CultureInfo.InvariantCulture),
            spanId = (i + 1).ToString("x16", CultureInfo.InvariantCulture),
            name = "chat gpt-4o",
            kind = 3,
            startTimeUnixNano = (now - 2_000_000_000).ToString(CultureInfo.InvariantCulture),
            endTimeUnixNano = now.ToString(CultureInfo.InvariantCulture),
            attributes = new object[]
            {
                Attribute("gen_ai.operation.name", "chat"),
                Attribute("gen_ai.agent.id", "otlp-agent"),
                Attribute("gen_ai.request.model", "gpt-4o"),
                Attribute("gen_ai.input.messages", JsonSerializer.Serialize(new[] { new { role = "user", parts = new[] { new { type = "text", content = secret.Text } } } })),
                Attribute("gen_ai.output.messages", $"Sure. {secret.Text}"),
                Attribute("app.customer.note", secret.Text),
            },
            events = new[] { new { name = "gen_ai.user.message", timeUnixNano = now.ToString(CultureInfo.InvariantCulture), attributes = new[] { Attribute("content", secret.Text) } } },
        });
        return JsonSerializer.Serialize(new
        {
            resourceSpans = new[]
            {
                new
                {
                    resource = new { attributes = new[] { Attribute("service.name", "otlp-agent") } },
                    scopeSpans = new[] { new { spans } },
                },
            },
        });
    }

    private static object Attribute(string key, string value) => new { key, value = new { stringValue = value } };
}
