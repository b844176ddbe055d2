using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentOps.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Silo.Tests;

/// <summary>Alert rules judged live, end to end through HTTP: the seed's stories, noise control, silences, acks and webhooks.</summary>
[Collection(SiloCollection.Name)]
public sealed class AlertTests(SiloFactory silo)
{
    private const string Secret = "s3cret-for-tests";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    private static async Task PostAsync(HttpClient client, IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var batch in events.Chunk(500))
        {
            await (await client.PostEventsAsync(batch)).JsonAsync(HttpStatusCode.Accepted);
        }
    }

    private static async Task<JsonArray> AlertsAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync($"/v1/alerts?{query}"))["items"]!.AsArray();

    private static async Task<JsonNode> WaitForAlertAsync(HttpClient client, string query, Func<JsonNode, bool>? where = null)
    {
        JsonNode? found = null;
        await Eventually.AssertAsync(async () =>
        {
            found = (await AlertsAsync(client, query)).FirstOrDefault(a => where?.Invoke(a!) ?? true);
            Assert.NotNull(found);
        });
        return found!;
    }

    private static async Task AddWebhookAsync(HttpClient client, WebhookReceiver receiver, string ruleId, string type = "webhook")
    {
        (await client.PutAsJsonAsync("/v1/channels/ops", new { type, url = receiver.Url.ToString(), secret = Secret })).EnsureSuccessStatusCode();
        var rule = await client.GetJsonAsync($"/v1/rules/{ruleId}");
        rule["channels"] = new JsonArray("ops");
        (await client.PutAsync($"/v1/rules/{ruleId}", JsonContent.Create(rule))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_new_project_has_the_four_default_rules()
    {
        var rules = (await silo.IsolatedProjectClient().GetJsonAsync("/v1/rules"))["items"]!.AsArray();
        Assert.Equal(
            ["cost-per-successful-run-2x-median", "eval-score-drop", "retry-rate-above-20pct-10m", "tool-outside-allowlist"],
            rules.Select(r => (string?)r!["id"]).Order(StringComparer.Ordinal));
        var cost = rules.Single(r => (string?)r!["id"] == "cost-per-successful-run-2x-median")!;
        Assert.Equal("costPerSuccessfulRun", (string?)cost["metric"]);
        Assert.Equal(">=", (string?)cost["op"]);
        Assert.Equal(2.0, cost.Number("baseline.factor"));
        Assert.Equal("7d", (string?)cost["baseline"]!["window"]);
        Assert.Equal(5, (int)cost["minSamples"]!);
    }

    [Fact]
    public async Task A_pr_reviewer_at_two_and_a_half_times_its_median_fires_the_cost_rule_and_no_other_and_the_webhook_gets_it_once()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "cost-per-successful-run-2x-median");
        var agent = $"pr-reviewer-{_suffix}";
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 72; hour >= 2; hour--)
        {
            events.AddRange(Ev.Run(agent, $"old-{hour}", Now.AddHours(-hour), 0.10, ["read_file", "search", "post_comment", "read_file"]));
        }

        for (var i = 0; i < 10; i++)
        {
            events.AddRange(Ev.Run(agent, $"new-{i}", Now.AddMinutes(-55 + (i * 5)), 0.25, [.. Enumerable.Repeat("read_file", 9), "search", "post_comment"]));
        }

        await PostAsync(client, events);

        var alert = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        Assert.Equal("cost-per-successful-run-2x-median", (string?)alert["ruleId"]);
        Assert.Equal("agent", (string?)alert["scope"]);
        Assert.Equal("warning", (string?)alert["severity"]);
        Assert.Equal(0.25, alert.Number("value"), 9);
        Assert.Equal(0.20, alert.Number("threshold"), 9);
        Assert.NotNull((string?)alert["firedAt"]);
        Assert.Contains("costPerSuccessfulRun", (string?)alert["summary"], StringComparison.Ordinal);

        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));
        var body = receiver.Requests.Single();
        Assert.True(WebhookSignature.Verify(Secret, body.Body, body.Signature));
        var payload = JsonNode.Parse(body.Body)!;
        Assert.Equal("4", (string?)payload["version"]);
        Assert.Equal("firing", (string?)payload["status"]);
        Assert.Equal("ops", (string?)payload["receiver"]);
        var sent = payload["alerts"]![0]!;
        Assert.Equal("firing", (string?)sent["status"]);
        Assert.Equal("cost-per-successful-run-2x-median", (string?)sent["labels"]!["alertname"]);
        Assert.Equal(agent, (string?)sent["labels"]!["entityId"]);
        Assert.False(string.IsNullOrEmpty((string?)sent["fingerprint"]));
        Assert.False(string.IsNullOrEmpty((string?)sent["annotations"]!["summary"]));
        Assert.Equal("0001-01-01T00:00:00Z", (string?)sent["endsAt"]);

        await Task.Delay(500); // further events and judgements must not open another alert or send again
        Assert.Single(await AlertsAsync(client, $"state=all&entityId={agent}"));
        Assert.Single(receiver.Requests);
        var state = await client.GetJsonAsync($"/v1/agents/{agent}");
        Assert.Equal("firing", (string?)state["alerts"]![0]!["state"]);
        var list = await client.GetJsonAsync("/v1/agents");
        Assert.Equal(1, (int)list["items"]!.AsArray().Single(i => (string?)i!["id"] == agent)!["firingAlerts"]!);
    }

    [Fact]
    public async Task A_retry_storm_held_through_for_fires_and_a_shorter_one_never_does()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "retry-rate-above-20pct-10m");
        var agent = $"looper-{_suffix}";

        IEnumerable<Dictionary<string, object?>> Storm(int calls) => Enumerable.Range(0, calls).Select(i =>
            Ev.Of("llm_call", agent, $"r-{Guid.NewGuid():N}", Now.AddSeconds(-5)).With("model", "gpt-4o").With("attempt", i % 10 < 3 ? 2 : 1));

        await PostAsync(client, Storm(30));
        var pending = await WaitForAlertAsync(client, $"state=pending&entityId={agent}");
        Assert.Equal("retry-rate-above-20pct-10m", (string?)pending["ruleId"]);
        Assert.Null(pending["firedAt"]);

        for (var minute = 0; minute < 10; minute++)
        {
            silo.Clock.Advance(TimeSpan.FromMinutes(1));
            await PostAsync(client, Storm(10));
        }

        var fired = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        Assert.Equal((string?)pending["alertId"], (string?)fired["alertId"]);
        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));

        // The storm stops: the window empties, the condition stops holding, the alert resolves without new events.
        silo.Clock.Advance(TimeSpan.FromMinutes(11));
        var resolved = await WaitForAlertAsync(client, $"state=resolved&entityId={agent}");
        Assert.Equal((string?)fired["alertId"], (string?)resolved["alertId"]);
        await Eventually.AssertAsync(() => Assert.Equal(2, receiver.Delivered.Count));
        Assert.Equal("resolved", (string?)JsonNode.Parse(receiver.Delivered[1])!["status"]);

        // A second, shorter storm goes pending and is cancelled: it never fires and nothing is sent.
        var other = $"short-{_suffix}";
        await PostAsync(client, Enumerable.Range(0, 30).Select(i =>
            Ev.Of("llm_call", other, "r", Now.AddSeconds(-5)).With("model", "gpt-4o").With("attempt", i % 10 < 3 ? 2 : 1)));
        await WaitForAlertAsync(client, $"state=pending&entityId={other}");
        silo.Clock.Advance(TimeSpan.FromMinutes(11));
        await Eventually.AssertAsync(async () => Assert.Empty(await AlertsAsync(client, $"state=all&entityId={other}")));
        await Task.Delay(300);
        Assert.Equal(2, receiver.Delivered.Count);
    }

    [Fact]
    public async Task A_write_to_production_denied_by_the_sandbox_fires_the_allowlist_rule_at_once()
    {
        var client = silo.IsolatedProjectClient();
        var agent = $"migrator-{_suffix}";
        (await client.PutAsJsonAsync($"/v1/agents/{agent}/policy", new { writeTargets = new[] { "db:staging.*" } })).EnsureSuccessStatusCode();
        await PostAsync(client, [Ev.Of("tool_call", agent, "m1", Now.AddSeconds(-2)).With("tool", "db_write").With("action", "write").With("target", "db:production.users").With("status", "denied")]);

        var alert = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        Assert.Equal("tool-outside-allowlist", (string?)alert["ruleId"]);
        Assert.Equal("critical", (string?)alert["severity"]);
        Assert.Equal(1, alert.Number("value"));
        Assert.Single(await AlertsAsync(client, $"state=all&entityId={agent}"));
    }

    [Fact]
    public async Task A_firing_alert_of_an_entity_that_goes_quiet_still_resolves_after_idle_activations_are_collected()
    {
        var client = silo.IsolatedProjectClient();
        var agent = $"quiet-{_suffix}";
        await PostAsync(client, [Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);
        await WaitForAlertAsync(client, $"state=firing&entityId={agent}");

        // Nothing more from or about the agent: only its judge timer ticks. Collect every activation idle for a second
        // (the silo does so after 30 minutes); the timer's ticks must keep the agent alive while its alert is open.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        silo.Clock.Advance(TimeSpan.FromMinutes(7)); // the violation has left the rule's 5-minute window

        await WaitForAlertAsync(client, $"state=resolved&entityId={agent}");
    }

    [Fact]
    public async Task A_support_agent_whose_eval_scores_drop_fires_the_eval_rule()
    {
        var client = silo.IsolatedProjectClient();
        var agent = $"support-{_suffix}";
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 48; hour >= 2; hour--)
        {
            for (var i = 0; i < 3; i++)
            {
                events.Add(Ev.Of("eval", agent, $"old-{hour}-{i}", Now.AddHours(-hour).AddMinutes(i)).With("rubric", "resolution").With("score", 0.9));
            }
        }

        for (var i = 0; i < 12; i++)
        {
            events.Add(Ev.Of("eval", agent, $"new-{i}", Now.AddMinutes(-50 + (i * 4))).With("rubric", "resolution").With("score", 0.5));
        }

        await PostAsync(client, events);
        var alert = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        Assert.Equal("eval-score-drop", (string?)alert["ruleId"]);
        Assert.Equal(0.5, alert.Number("value"), 9);
        Assert.Equal(0.72, alert.Number("threshold"), 9);
        Assert.Single(await AlertsAsync(client, $"state=all&entityId={agent}"));
    }

    [Fact]
    public async Task A_new_tool_mix_fires_a_tool_drift_rule()
    {
        var client = silo.IsolatedProjectClient();
        var agent = $"drifter-{_suffix}";
        var rule = new { metric = "toolDrift", match = agent, window = "1h", op = ">", threshold = 0.4, baseline = new { window = "7d", minPoints = 3 }, minSamples = 10, severity = "info" };
        (await client.PutAsJsonAsync("/v1/rules/tool-drift", rule)).EnsureSuccessStatusCode();
        var events = new List<Dictionary<string, object?>>();
        for (var hour = 24; hour >= 2; hour--)
        {
            events.AddRange(Ev.Run(agent, $"old-{hour}", Now.AddHours(-hour), 0.01, ["read_file", "search", "search"]));
        }

        for (var i = 0; i < 6; i++)
        {
            events.AddRange(Ev.Run(agent, $"new-{i}", Now.AddMinutes(-30 + i), 0.01, ["shell_exec", "git_push"]));
        }

        await PostAsync(client, events);
        var alert = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        Assert.Equal("tool-drift", (string?)alert["ruleId"]);
        Assert.InRange(alert.Number("value"), 0.4, 1.0);
    }

    [Fact]
    public async Task Below_min_samples_nothing_fires_and_late_events_never_fire_for_the_past()
    {
        var client = silo.IsolatedProjectClient();
        var quiet = $"quiet-{_suffix}";
        await PostAsync(client, Enumerable.Range(0, 19).Select(_ => Ev.Of("llm_call", quiet, "r", Now.AddSeconds(-5)).With("model", "gpt-4o").With("attempt", 2)));
        var late = $"late-{_suffix}";
        await PostAsync(client, [Ev.Of("tool_call", late, "r", Now.AddMinutes(-30)).With("tool", "x").With("status", "denied")]);

        await Eventually.AssertAsync(async () => Assert.Equal(1, (await client.GetJsonAsync($"/v1/agents/{late}")).Number("metrics.violations")));
        await Eventually.AssertAsync(async () => Assert.Equal(19, (await client.GetJsonAsync($"/v1/agents/{quiet}")).Number("metrics.llmCalls")));
        await Task.Delay(500);
        Assert.Empty(await AlertsAsync(client, $"state=all&entityId={quiet}"));
        Assert.Empty(await AlertsAsync(client, $"state=all&entityId={late}"));
    }

    [Fact]
    public async Task A_flapping_condition_sends_one_notification_per_state_change_and_a_silence_mutes_only_notifications()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist");
        var agent = $"flapper-{_suffix}";
        Dictionary<string, object?> Violation() => Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied");

        await PostAsync(client, [Violation(), Violation(), Violation()]);
        await WaitForAlertAsync(client, $"state=firing&entityId={agent}");
        await PostAsync(client, [Violation(), Violation()]); // still breached: no new notification
        silo.Clock.Advance(TimeSpan.FromMinutes(6));          // the 5m window empties: resolves
        await WaitForAlertAsync(client, $"state=resolved&entityId={agent}");
        await PostAsync(client, [Violation()]);               // breaches again: a new alert
        await Eventually.AssertAsync(async () => Assert.Equal(2, (await AlertsAsync(client, $"state=all&entityId={agent}")).Count));
        await Eventually.AssertAsync(() => Assert.Equal(3, receiver.Delivered.Count));
        Assert.Equal(["firing", "resolved", "firing"], receiver.Delivered.Select(b => (string?)JsonNode.Parse(b)!["status"]));

        var silence = await (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { ruleId = "tool-outside-allowlist", entityId = agent }, endsAt = Now.AddHours(1), comment = "migration window" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("si_", (string?)silence["id"], StringComparison.Ordinal);
        Assert.Single((await client.GetJsonAsync("/v1/silences"))["items"]!.AsArray());
        silo.Clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.AssertAsync(async () => Assert.Empty(await AlertsAsync(client, $"state=firing&entityId={agent}")));
        await PostAsync(client, [Violation()]);
        await Eventually.AssertAsync(async () => Assert.Equal(3, (await AlertsAsync(client, $"state=all&entityId={agent}")).Count)); // evaluation goes on
        await Task.Delay(500);
        Assert.Equal(3, receiver.Delivered.Count); // ...but the resolve and the new fire were muted

        (await client.DeleteAsync($"/v1/silences/{(string?)silence["id"]}")).EnsureSuccessStatusCode();
        Assert.Empty((await client.GetJsonAsync("/v1/silences"))["items"]!.AsArray());
        // The alert the silence kept quiet still fires: its fire goes out now that nothing mutes it.
        await Eventually.AssertAsync(() => Assert.Equal(4, receiver.Delivered.Count));
        Assert.Equal("firing", (string?)JsonNode.Parse(receiver.Delivered[3])!["status"]);
    }

    [Fact]
    public async Task A_silence_that_ends_on_its_own_while_nobody_reads_the_board_still_lets_the_fire_out()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist");
        var agent = $"unread-{_suffix}";
        (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { entityId = agent }, endsAt = Now.AddMinutes(2), comment = "deploy" })).EnsureSuccessStatusCode();
        await PostAsync(client, [Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);
        await WaitForAlertAsync(client, $"state=firing&entityId={agent}");

        // A steadily firing alert sends the board nothing, and nobody reads it: idle activations are collected (after 30
        // minutes in the silo); the board waiting to send a muted fire must not be.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(1));
        silo.Clock.Advance(TimeSpan.FromMinutes(3)); // the silence ends on its own; the alert still fires

        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));
        Assert.Equal("firing", (string?)JsonNode.Parse(receiver.Delivered[0])!["status"]);
    }

    [Fact]
    public async Task A_silence_that_ends_while_its_alert_fires_lets_the_fire_out_and_a_fire_never_sent_gets_no_lone_resolve()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist");
        Dictionary<string, object?> Violation(string agent) => Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied");
        var lasting = $"lasting-{_suffix}";
        var brief = $"brief-{_suffix}";
        (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { entityId = lasting }, endsAt = Now.AddMinutes(2), comment = "deploy" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { entityId = brief }, endsAt = Now.AddMinutes(30), comment = "known" })).EnsureSuccessStatusCode();
        await PostAsync(client, [Violation(lasting), Violation(brief)]);
        await WaitForAlertAsync(client, $"state=firing&entityId={lasting}");
        await WaitForAlertAsync(client, $"state=firing&entityId={brief}");

        silo.Clock.Advance(TimeSpan.FromMinutes(3)); // the first silence is over; the agent keeps breaking the allowlist
        await PostAsync(client, [Violation(lasting)]);
        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));

        silo.Clock.Advance(TimeSpan.FromMinutes(7)); // both resolve; the second silence still mutes, and its fire was never sent
        await WaitForAlertAsync(client, $"state=resolved&entityId={lasting}");
        await WaitForAlertAsync(client, $"state=resolved&entityId={brief}");
        await Eventually.AssertAsync(() => Assert.Equal(2, receiver.Delivered.Count));
        await Task.Delay(500);
        Assert.Equal(["firing", "resolved"], receiver.Delivered.Select(b => (string?)JsonNode.Parse(b)!["status"]));
        Assert.All(receiver.Delivered, b => Assert.Contains(lasting, System.Text.Encoding.UTF8.GetString(b), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledged_alert_shows_who_acknowledged_it_everywhere()
    {
        var client = silo.IsolatedProjectClient();
        var agent = $"acked-{_suffix}";
        await PostAsync(client, [Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);
        var alert = await WaitForAlertAsync(client, $"state=firing&entityId={agent}");

        var acked = await (await client.PostAsJsonAsync($"/v1/alerts/{(string?)alert["alertId"]}/ack", new { by = "ana@ops", comment = "on it" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("ana@ops", (string?)acked["acknowledgedBy"]);
        Assert.Equal("ana@ops", (string?)(await AlertsAsync(client, $"entityId={agent}"))[0]!["acknowledgedBy"]);
        await Eventually.AssertAsync(async () => Assert.Equal("ana@ops", (string?)(await client.GetJsonAsync($"/v1/agents/{agent}"))["alerts"]![0]!["acknowledgedBy"]));
        await (await client.PostAsJsonAsync("/v1/alerts/al_nope/ack", new { by = "x" })).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync($"/v1/alerts/{(string?)alert["alertId"]}/ack", new { comment = "no one" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_ack");
    }

    [Fact]
    public async Task A_webhook_that_fails_once_is_retried_and_delivered_once_with_the_attempts_on_record()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist");
        var agent = $"retried-{_suffix}";
        await PostAsync(client, [Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);

        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.OK], receiver.Requests.Select(r => r.Answered));
        Assert.Equal(receiver.Requests.First().Body, receiver.Requests.Last().Body);
        var channel = await client.GetJsonAsync("/v1/channels/ops");
        Assert.Equal(1, (int)channel["delivered"]!);
        var record = channel["recent"]![0]!;
        Assert.Equal("delivered", (string?)record["outcome"]);
        Assert.Equal(2, (int)record["attempts"]!);
        Assert.True((bool)channel["hasSecret"]!);
        Assert.Null(channel["secret"]);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_shows_the_failure_in_the_api()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100);
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist");
        await PostAsync(client, [Ev.Of("tool_call", $"down-{_suffix}", "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);

        await Eventually.AssertAsync(async () => Assert.Equal(1, (int)(await client.GetJsonAsync("/v1/channels/ops"))["failed"]!));
        var record = (await client.GetJsonAsync("/v1/channels"))["items"]![0]!["recent"]![0]!;
        Assert.Equal("failed", (string?)record["outcome"]);
        Assert.Equal(500, (int)record["httpStatus"]!);
        Assert.Equal(5, (int)record["attempts"]!); // the first attempt and 4 retries
    }

    [Fact]
    public async Task A_slack_channel_gets_an_incoming_webhook_message()
    {
        var client = silo.IsolatedProjectClient();
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddWebhookAsync(client, receiver, "tool-outside-allowlist", type: "slack");
        var agent = $"slacked-{_suffix}";
        await PostAsync(client, [Ev.Of("tool_call", agent, "r", Now.AddSeconds(-1)).With("tool", "x").With("status", "denied")]);

        await Eventually.AssertAsync(() => Assert.Single(receiver.Delivered));
        var message = JsonNode.Parse(receiver.Delivered[0])!;
        Assert.Contains("FIRING", (string?)message["text"], StringComparison.Ordinal);
        Assert.Contains(agent, (string?)message["text"], StringComparison.Ordinal);
        Assert.Equal("#c62828", (string?)message["attachments"]![0]!["color"]);
    }

    [Fact]
    public async Task Rules_can_be_created_read_replaced_and_deleted_and_a_deleted_default_stays_deleted()
    {
        var client = silo.IsolatedProjectClient();
        var rule = new { scope = "route", match = "checkout-*", metric = "errorRate", window = "10m", op = ">", threshold = 0.1, @for = "2m", minSamples = 50, severity = "critical", labels = new { team = "payments" } };
        var created = await (await client.PutAsJsonAsync("/v1/rules/checkout-errors", rule)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("checkout-errors", (string?)created["id"]);
        Assert.Equal("2m", (string?)created["for"]);
        Assert.Equal("payments", (string?)created["labels"]!["team"]);
        Assert.Equal("route", (string?)(await client.GetJsonAsync("/v1/rules/checkout-errors"))["scope"]);
        Assert.Equal(5, (await client.GetJsonAsync("/v1/rules"))["items"]!.AsArray().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/rules/checkout-errors")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/rules/eval-score-drop")).StatusCode);
        await (await client.GetAsync("/v1/rules/checkout-errors")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.DeleteAsync("/v1/rules/eval-score-drop")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(3, (await client.GetJsonAsync("/v1/rules"))["items"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"metric": "latency", "threshold": 1}""", "metric 'latency' is unknown")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "window": "soon"}""", "window 'soon'")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "window": "8d"}""", "window must be at most 7d")]
    [InlineData("""{"metric": "retryRate", "threshold": "NaN"}""", "threshold must be a finite number")]
    [InlineData("""{"metric": "retryRate", "threshold": NaN}""", "not valid JSON")]
    [InlineData("""{"metric": "retryRate"}""", "threshold is required")]
    [InlineData("""{"metric": "costPerRun", "baseline": {"factor": 0}}""", "factor must be greater than 0")]
    [InlineData("""{"metric": "costPerRun", "baseline": {"factor": -2}}""", "factor must be greater than 0")]
    [InlineData("""{"metric": "costPerRun", "baseline": {"window": "30m"}, "window": "1h"}""", "must be longer than window")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "match": "bad/glob"}""", "match must be a glob")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "match": ""}""", "match must be a glob")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "channels": ["nowhere"]}""", "channel 'nowhere' is unknown")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "op": "=="}""", "op '=='")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "scope": "team"}""", "scope 'team'")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "severity": "high"}""", "severity 'high'")]
    [InlineData("""{"metric": "retryRate", "threshold": 1, "for": "8d"}""", "for must be at most 7d")]
    [InlineData("""{"metric": "toolDrift", "baseline": {"window": "7d"}}""", "toolDrift needs a threshold")]
    public async Task Invalid_rules_are_rejected_with_a_clear_400(string body, string expected)
    {
        var client = silo.IsolatedProjectClient();
        var problem = await (await client.PutAsync("/v1/rules/bad", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, "invalid_rule");
        Assert.Contains(expected, (string?)problem["detail"], StringComparison.Ordinal);
        await (await client.GetAsync("/v1/rules/bad")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Bad_alert_filters_silences_and_channels_are_rejected()
    {
        var client = silo.IsolatedProjectClient();
        await (await client.GetAsync("/v1/alerts?state=burning")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_filter");
        await (await client.GetAsync("/v1/alerts?scope=team")).ProblemAsync(HttpStatusCode.BadRequest, "invalid_filter");
        await (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { ruleId = "x" } })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_silence");
        await (await client.PostAsJsonAsync("/v1/silences", new { endsAt = Now.AddHours(-1) })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_silence");
        var notATime = await (await client.PostAsJsonAsync("/v1/silences", new { matchers = new { ruleId = "x" }, endsAt = "tomorrow" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "invalid_silence");
        Assert.Contains("$.endsAt", (string?)notATime["detail"], StringComparison.Ordinal);
        await (await client.PutAsJsonAsync("/v1/channels/ops", new { type = "pager", url = "https://example.com" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_channel");
        await (await client.PutAsJsonAsync("/v1/channels/ops", new { type = "webhook", url = "ftp://example.com" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_channel");
        await (await client.PutAsJsonAsync("/v1/channels/ops", new { type = "webhook", url = "not a url" })).ProblemAsync(HttpStatusCode.BadRequest, "invalid_channel");
        await (await client.GetAsync("/v1/channels/ops")).ProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
