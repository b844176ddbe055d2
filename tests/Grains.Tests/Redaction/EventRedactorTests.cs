using System.Text.Json;
using AgentOps.Events;
using AgentOps.Redaction;

namespace AgentOps.Grains.Tests.Redaction;

public sealed class EventRedactorTests
{
    private const string Email = "jane.doe@example.com";
    private const string Token = "[REDACTED:field]";
    private static readonly string OpenAiKey = SecretCorpus.All.First(s => s.Type == RedactionTypes.OpenAiKey).Value;

    [Fact]
    public void A_clean_event_is_returned_as_the_same_instance()
    {
        var e = ToolCall("read_file", input: "{\"path\":\"src/app/main.py\",\"line\":120}", output: "def main():\n    return 0\n") with
        {
            Attributes = new Dictionary<string, string> { ["region"] = "eu-west-1", ["tokens"] = "12000" },
            Target = "db:production.orders",
        };
        Assert.Same(e, Redactor().Redact(e));
    }

    [Fact]
    public void Every_free_text_field_is_redacted_and_identifiers_are_not()
    {
        var e = ToolCall("http_get", input: $"{{\"to\":\"{Email}\",\"key\":\"{OpenAiKey}\"}}", output: "sent to " + Email) with
        {
            UserId = Email,
            AgentVersion = "v1.2.3",
            Target = "https://a.blob.core.windows.net/c/f.txt?sv=2022-11-02&sig=abcdefghijklmnop%2Bqrstu%3D",
            ErrorType = "HttpRequestException: 403 for " + Email,
            Attributes = new Dictionary<string, string> { ["owner"] = Email, ["region"] = "eu-west-1" },
        };

        var redacted = Redactor().Redact(e);

        Assert.NotSame(e, redacted);
        Assert.Equal("{\"to\":\"[REDACTED:email]\",\"key\":\"[REDACTED:openai_key]\"}", redacted.Input);
        Assert.Equal("sent to [REDACTED:email]", redacted.Output);
        Assert.Equal("https://a.blob.core.windows.net/c/f.txt?sv=2022-11-02&sig=[REDACTED:azure_key]", redacted.Target);
        Assert.Equal("HttpRequestException: 403 for [REDACTED:email]", redacted.ErrorType);
        Assert.Equal("[REDACTED:email]", redacted.Attributes!["owner"]);
        Assert.Same(e.Attributes!["region"], redacted.Attributes["region"]);
        Assert.Equal(Email, redacted.UserId);
        Assert.Equal(e with { Input = redacted.Input, Output = redacted.Output, Target = redacted.Target, ErrorType = redacted.ErrorType, Attributes = redacted.Attributes }, redacted);
    }

    [Fact]
    public void Attributes_keep_their_order_and_only_values_change()
    {
        var e = ToolCall("x") with
        {
            Attributes = new Dictionary<string, string> { ["a"] = "1", ["mail"] = Email, ["z"] = "26" },
        };
        var redacted = Redactor().Redact(e);
        Assert.Equal(["a", "mail", "z"], redacted.Attributes!.Keys);
        Assert.Equal(["1", "[REDACTED:email]", "26"], redacted.Attributes.Values);
        Assert.Equal(Email, e.Attributes["mail"]);
    }

    [Fact]
    public void A_drop_rule_removes_the_input_of_one_tool_only()
    {
        var redactor = Redactor(new RedactionFieldRule { EventType = "tool_call", Tool = "read_secrets", Field = "input", Action = RedactionFieldAction.Drop });
        var secret = ToolCall("read_secrets", input: "{\"name\":\"db-password\"}", output: "found for " + Email);
        var other = ToolCall("read_file", input: "{\"name\":\"db-password\"}");

        var dropped = redactor.Redact(secret);
        Assert.Null(dropped.Input);
        Assert.Equal("found for [REDACTED:email]", dropped.Output);
        Assert.Same(other, redactor.Redact(other));
    }

    [Fact]
    public void Tool_globs_are_case_insensitive()
    {
        var redactor = Redactor(new RedactionFieldRule { Tool = "vault_*", Field = "output", Action = RedactionFieldAction.Redact });
        Assert.Equal(Token, redactor.Redact(ToolCall("Vault_Read", output: "s3cr3t")).Output);
        Assert.Equal("s3cr3t", redactor.Redact(ToolCall("vaul_read", output: "s3cr3t")).Output);
    }

    [Fact]
    public void A_rule_names_its_event_type()
    {
        var redactor = Redactor(new RedactionFieldRule { EventType = "llm_call", Field = "output", Action = RedactionFieldAction.Drop });
        var llm = ToolCall("x", output: "answer") with { Type = EventType.LlmCall, Tool = null, Model = "gpt-4o" };
        var tool = ToolCall("x", output: "answer");
        Assert.Null(redactor.Redact(llm).Output);
        Assert.Same(tool, redactor.Redact(tool));
    }

    [Fact]
    public void Redacting_every_attribute_blanks_values_and_keeps_keys()
    {
        var redactor = Redactor(new RedactionFieldRule { Field = "attributes.*", Action = RedactionFieldAction.Redact });
        var e = ToolCall("x") with { Attributes = new Dictionary<string, string> { ["customer"] = "Ana Lima", ["plan"] = "pro" } };
        var redacted = redactor.Redact(e).Attributes!;
        Assert.Equal(["customer", "plan"], redacted.Keys);
        Assert.All(redacted.Values, v => Assert.Equal(Token, v));
    }

    [Fact]
    public void Dropping_an_attribute_by_glob_removes_it_and_keeps_the_others()
    {
        var redactor = Redactor(new RedactionFieldRule { Field = "attributes.*token*", Action = RedactionFieldAction.Drop });
        var e = ToolCall("x") with
        {
            Attributes = new Dictionary<string, string> { ["session_token"] = "abc", ["region"] = "eu", ["Refresh-Token"] = "def" },
        };
        Assert.Equal(new Dictionary<string, string> { ["region"] = "eu" }, redactor.Redact(e).Attributes);
    }

    [Fact]
    public void The_strictest_matching_rule_wins()
    {
        var redactor = Redactor(
            new RedactionFieldRule { Field = "input", Action = RedactionFieldAction.Redact },
            new RedactionFieldRule { EventType = "tool_call", Tool = "shell", Field = "input", Action = RedactionFieldAction.Drop },
            new RedactionFieldRule { Field = "errorType", Action = RedactionFieldAction.Redact });
        Assert.Null(redactor.Redact(ToolCall("shell", input: "rm -rf /tmp/x")).Input);
        var other = redactor.Redact(ToolCall("grep", input: "needle") with { ErrorType = "Timeout" });
        Assert.Equal(Token, other.Input);
        Assert.Equal(Token, other.ErrorType);
    }

    [Fact]
    public void Rules_on_absent_fields_change_nothing()
    {
        var redactor = Redactor(new RedactionFieldRule { Field = "input", Action = RedactionFieldAction.Redact });
        var e = ToolCall("x");
        Assert.Same(e, redactor.Redact(e));
    }

    [Fact]
    public void Tool_arguments_with_secrets_of_every_kind_lose_them_all()
    {
        var arguments = JsonSerializer.Serialize(SecretCorpus.All.Select((s, i) => new { name = $"arg{i}", value = s.Text }).ToArray());
        var e = ToolCall("configure", input: arguments) with
        {
            Attributes = SecretCorpus.All.Select((s, i) => (Key: $"k{i}", s.Text)).ToDictionary(p => p.Key, p => p.Text),
        };

        var redacted = Redactor().Redact(e);

        var values = JsonSerializer.Deserialize<JsonElement[]>(redacted.Input!)!.Select(v => v.GetProperty("value").GetString()).ToArray();
        Assert.Equal(SecretCorpus.All.Select(s => s.Expected), values);
        Assert.Equal(SecretCorpus.All.Select(s => s.Expected), redacted.Attributes!.Values);
    }

    [Fact]
    public void A_disabled_redactor_returns_every_event_unchanged()
    {
        var options = new RedactionOptions { Enabled = false, FieldRules = [new RedactionFieldRule { Field = "input", Action = RedactionFieldAction.Drop }] };
        var redactor = new EventRedactor(new TextRedactor(options), options);
        var e = ToolCall("x", input: Email);
        Assert.Same(e, redactor.Redact(e));
    }

    [Fact]
    public void A_batch_is_redacted_in_place()
    {
        AgentEvent[] batch = [ToolCall("a", input: "clean"), ToolCall("b", input: Email)];
        var first = batch[0];
        Redactor().Redact(batch.AsSpan());
        Assert.Same(first, batch[0]);
        Assert.Equal("[REDACTED:email]", batch[1].Input);
    }

    private static EventRedactor Redactor(params RedactionFieldRule[] rules)
    {
        var options = new RedactionOptions { FieldRules = [.. rules] };
        return new EventRedactor(new TextRedactor(options), options);
    }

    private static AgentEvent ToolCall(string tool, string? input = null, string? output = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Type = EventType.ToolCall,
        Timestamp = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero),
        AgentId = "support-bot",
        RunId = "r1",
        Tool = tool,
        Input = input,
        Output = output,
    };
}
