using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentOps.Silo.Tests;

/// <summary><c>POST /v1/events</c>: acceptance, per-item rejection, batch-level errors and limits.</summary>
[Collection(SiloCollection.Name)]
public sealed class IngestApiTests(SiloFactory silo)
{
    private readonly HttpClient _client = silo.ClientWithKey();
    private readonly string _agent = "agent-" + Guid.NewGuid().ToString("N")[..8];

    private DateTimeOffset Now => silo.Clock.GetUtcNow();

    private Dictionary<string, object?> Llm() =>
        Ev.Of("llm_call", _agent, "run-1", Now.AddSeconds(-1)).With("model", "gpt-4o").With("inputTokens", 10).With("outputTokens", 5);

    private async Task<JsonNode> RejectedAsync(Dictionary<string, object?> bad, string code, string field)
    {
        var body = await (await _client.PostEventsAsync([Llm(), bad])).JsonAsync(HttpStatusCode.MultiStatus);
        Assert.Equal(1, (int)body["accepted"]!);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(1, (int)error["index"]!);
        Assert.Equal(code, (string?)error["code"]);
        Assert.Equal(field, (string?)error["field"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        return error;
    }

    [Fact]
    public async Task A_readable_batch_whose_every_event_is_rejected_answers_207_with_an_error_per_event()
    {
        var body = await (await _client.PostEventsAsync([Llm().With("agentId", "a/b"), Llm().With("model", null)])).JsonAsync(HttpStatusCode.MultiStatus);
        Assert.Equal(0, (int)body["accepted"]!);
        Assert.Equal([0, 1], body["errors"]!.AsArray().Select(e => (int)e!["index"]!));
    }

    [Fact]
    public async Task A_valid_batch_is_accepted_with_202()
    {
        var body = await (await _client.PostEventsAsync([Llm(), Llm()])).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, (int)body["accepted"]!);
        Assert.Equal(0, (int)body["duplicates"]!);
        Assert.Empty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_bare_array_is_accepted_too()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new[] { Llm() });
        var body = await (await _client.PostRawAsync("/v1/events", json)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)body["accepted"]!);
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_counts_once()
    {
        var e = Llm();
        var body = await (await _client.PostEventsAsync([e, e])).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal(1, (int)body["duplicates"]!);
    }

    [Fact]
    public async Task A_rejected_event_is_never_partly_written()
    {
        var bad = Llm().With("inputTokens", -5);
        await RejectedAsync(bad, "invalid_value", "inputTokens");
        await Eventually.AssertAsync(async () =>
            Assert.Equal(1, (await _client.GetJsonAsync($"/v1/agents/{_agent}?window=5m")).Number("metrics.llmCalls")));
        await Task.Delay(200);
        var state = await _client.GetJsonAsync($"/v1/agents/{_agent}?window=5m");
        Assert.Equal(10, state.Number("metrics.inputTokens"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("")]
    public async Task Ids_outside_the_allowed_characters_are_rejected(string agentId)
    {
        await RejectedAsync(Llm().With("agentId", agentId), "invalid_id", "agentId");
        await RejectedAsync(Llm().With("id", agentId), "invalid_id", "id");
    }

    [Fact]
    public async Task Ids_longer_than_128_characters_are_rejected()
    {
        await RejectedAsync(Llm().With("runId", new string('r', 129)), "invalid_id", "runId");
    }

    [Theory]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("agentId")]
    [InlineData("runId")]
    [InlineData("model")]
    public async Task Missing_required_fields_are_rejected(string field)
    {
        var e = Llm();
        e.Remove(field);
        await RejectedAsync(e, "missing_field", field);
    }

    [Fact]
    public async Task Type_specific_required_fields_are_enforced()
    {
        await RejectedAsync(Ev.Of("tool_call", _agent, "r", Now), "missing_field", "tool");
        await RejectedAsync(Ev.Of("eval", _agent, "r", Now).With("score", 0.5), "missing_field", "rubric");
        await RejectedAsync(Ev.Of("eval", _agent, "r", Now).With("rubric", "x"), "missing_field", "score");
        await RejectedAsync(Ev.Of("run_finished", _agent, "r", Now), "missing_field", "outcome");
    }

    [Fact]
    public async Task An_unknown_type_is_rejected()
    {
        await RejectedAsync(Llm().With("type", "llm_cal"), "unknown_type", "type");
    }

    [Theory]
    [InlineData("inputTokens", "\"many\"")]
    [InlineData("inputTokens", "1.5")]
    [InlineData("costUsd", "\"0.1\"")]
    [InlineData("attempt", "true")]
    [InlineData("agentId", "42")]
    [InlineData("attributes", "[1,2]")]
    [InlineData("attributes", "{\"k\": 5}")]
    public async Task Wrong_types_reject_only_their_event(string field, string json) =>
        await RejectedAloneAsync(field, json, "invalid_type");

    [Theory]
    [InlineData("runId", "\"\\ud800\"")]
    [InlineData("attributes", "{\"k\": \"\\udc00\"}")]
    [InlineData("attributes", "{\"\\ud800\": \"v\"}")]
    public async Task Text_with_an_unpaired_surrogate_rejects_only_its_event(string field, string json)
    {
        // Valid JSON that is not valid Unicode: the reader finds it only when it decodes the string.
        var error = await RejectedAloneAsync(field, json, "invalid_value");
        Assert.Contains("unpaired surrogate", (string?)error["message"], StringComparison.Ordinal);
    }

    /// <summary>Posts a good event and one with <paramref name="field"/> set to <paramref name="json"/>: only the second is rejected.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> RejectedAloneAsync(string field, string json, string code)
    {
        var good = System.Text.Json.JsonSerializer.Serialize(Llm());
        var bad = System.Text.Json.JsonSerializer.Serialize(Llm()).TrimEnd('}') + $",\"{field}\":{json}}}";
        var body = await (await _client.PostRawAsync("/v1/events", $"{{\"events\":[{good},{bad}]}}")).JsonAsync(HttpStatusCode.MultiStatus);
        Assert.Equal(1, (int)body["accepted"]!);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.StartsWith(field, (string?)error["field"], StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public async Task An_event_that_is_not_an_object_is_rejected_alone()
    {
        var good = System.Text.Json.JsonSerializer.Serialize(Llm());
        var body = await (await _client.PostRawAsync("/v1/events", $"[{good}, 42, \"x\"]")).JsonAsync(HttpStatusCode.MultiStatus);
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal(2, body["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Bad_values_are_rejected_with_their_field()
    {
        await RejectedAsync(Llm().With("cachedInputTokens", 11), "invalid_value", "cachedInputTokens");
        await RejectedAsync(Llm().With("outputTokens", -1), "invalid_value", "outputTokens");
        await RejectedAsync(Llm().With("outputTokens", 1_000_000_000_000), "invalid_value", "outputTokens"); // priced, it overflowed to a negative cost
        await RejectedAsync(Llm().With("inputTokens", 1_000_000_001L), "invalid_value", "inputTokens");
        await RejectedAsync(Llm().With("costUsd", -0.01), "invalid_value", "costUsd");
        await RejectedAsync(Llm().With("attempt", 0), "invalid_value", "attempt");
        await RejectedAsync(Llm().With("status", "denied"), "invalid_value", "status");
        await RejectedAsync(Ev.Of("eval", _agent, "r", Now).With("rubric", "x").With("score", 1.5), "invalid_value", "score");
        await RejectedAsync(Ev.Of("eval", _agent, "r", Now).With("rubric", "x").With("score", -0.1), "invalid_value", "score");
        await RejectedAsync(Ev.Of("tool_call", _agent, "r", Now).With("tool", "t").With("action", "delete"), "invalid_value", "action");
        await RejectedAsync(Ev.Of("run_finished", _agent, "r", Now).With("outcome", "done"), "invalid_value", "outcome");
        await RejectedAsync(Llm().With("timestamp", "yesterday"), "invalid_value", "timestamp");
        await RejectedAsync(Llm().With("timestamp", "2026-01-01T00:00:00"), "invalid_value", "timestamp");
        await RejectedAsync(Llm().With("model", "gpt\u0001"), "invalid_value", "model");
    }

    [Fact]
    public async Task Events_older_than_seven_days_or_more_than_five_minutes_ahead_are_rejected()
    {
        await RejectedAsync(Llm().With("timestamp", Ev.Time(Now.AddDays(-7).AddMinutes(-1))), "too_old", "timestamp");
        await RejectedAsync(Llm().With("timestamp", Ev.Time(Now.AddMinutes(6))), "in_future", "timestamp");
        var body = await (await _client.PostEventsAsync([Llm().With("timestamp", Ev.Time(Now.AddMinutes(4)))])).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(1, (int)body["accepted"]!);
    }

    [Fact]
    public async Task More_than_32_attributes_are_rejected()
    {
        var attributes = Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", i => "v");
        await RejectedAsync(Llm().With("attributes", attributes), "too_many_attributes", "attributes");
        var ok = Enumerable.Range(0, 32).ToDictionary(i => $"k{i}", i => "v");
        Assert.Equal(1, (int)(await (await _client.PostEventsAsync([Llm().With("attributes", ok)])).JsonAsync(HttpStatusCode.Accepted))["accepted"]!);
    }

    [Theory]
    [InlineData("{\"events\": [", "invalid_json")]
    [InlineData("{\"events\": [{\"id\": NaN}]}", "invalid_json")]
    [InlineData("{\"events\": [{\"score\": Infinity}]}", "invalid_json")]
    [InlineData("[] []", "invalid_json")]
    [InlineData("", "invalid_batch")]
    [InlineData("{}", "invalid_batch")]
    [InlineData("{\"events\": 5}", "invalid_batch")]
    [InlineData("{\"data\": []}", "invalid_batch")]
    [InlineData("\"events\"", "invalid_batch")]
    [InlineData("42", "invalid_batch")]
    public async Task An_unreadable_body_is_a_400_and_nothing_is_accepted(string body, string code)
    {
        await (await _client.PostRawAsync("/v1/events", body)).ProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_non_json_content_type_is_refused()
    {
        await (await _client.PostRawAsync("/v1/events", "id=1", "application/x-www-form-urlencoded")).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task More_than_5000_events_is_a_413()
    {
        var events = Enumerable.Range(0, 5001).Select(_ => new { id = Ev.Id(), type = "run_started", agentId = _agent, runId = "r" });
        await (await _client.PostEventsAsync(events)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too_many_events");
    }

    [Fact]
    public async Task A_body_over_5_MiB_is_a_413()
    {
        var big = "{\"events\":[{\"id\":\"x\",\"type\":\"run_started\",\"agentId\":\"a\",\"runId\":\"r\",\"input\":\"" + new string('x', (5 * 1024 * 1024) + 10) + "\"}]}";
        await (await _client.PostRawAsync("/v1/events", big)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))) };
        chunked.Content.Headers.ContentType = new("application/json");
        await (await _client.SendAsync(chunked)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Step_content_over_32_KiB_is_truncated_with_a_marker()
    {
        var run = "long-" + Guid.NewGuid().ToString("N")[..6];
        var e = Ev.Of("run_started", _agent, run, Now).With("input", new string('y', 40_000));
        await _client.PostEventsAsync([e]);
        await Eventually.AssertAsync(async () =>
        {
            var stored = (string?)(await _client.GetJsonAsync($"/v1/runs/{run}"))["steps"]![0]!["input"];
            Assert.StartsWith(new string('y', 32 * 1024), stored, StringComparison.Ordinal);
            Assert.EndsWith("[truncated 7232 chars]", stored, StringComparison.Ordinal);
        });
    }
}
