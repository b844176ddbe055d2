using System.Text.Encodings.Web;
using System.Text.Json;
using AgentOps.Redaction;

namespace AgentOps.Grains.Tests.Redaction;

public sealed class TextRedactorTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly (string Before, string After)[] Contexts =
    [
        ("Here it is: ", " — thanks!"),
        ("(", ")"),
        ("first line\n", "\nlast line"),
        ("tab\t", "\tend"),
        ("say \"", "\" twice: "),
        ("<", ">"),
    ];

    private readonly TextRedactor _redactor = new();

    public static TheoryData<int, string> Secrets => SecretCorpus.Cases();

    public static TheoryData<string> Clean => SecretCorpus.Clean();

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_alone_is_replaced_whole(int index, string type)
    {
        var secret = SecretCorpus.All[index];
        Assert.Equal(Expected(secret, type), _redactor.Redact(secret.Text));
        Assert.Equal(type, Assert.Single(_redactor.Find(secret.Text)).Type);
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void The_text_around_a_secret_survives_exactly(int index, string type)
    {
        var secret = SecretCorpus.All[index];
        foreach (var (before, after) in Contexts)
        {
            var text = before + secret.Text + after;
            var redacted = _redactor.Redact(text);
            Assert.Equal(before + Expected(secret, type) + after, redacted);
            Assert.DoesNotContain(secret.Value, redacted, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_in_tool_arguments_json_is_replaced_and_the_json_stays_valid(int index, string type)
    {
        var secret = SecretCorpus.All[index];
        foreach (var options in new[] { JsonSerializerOptions.Default, Relaxed })
        {
            foreach (var (before, after) in Contexts)
            {
                var json = JsonSerializer.Serialize(new ToolArguments("send", before + secret.Text + after, 3), options);
                var redacted = _redactor.Redact(json);
                Assert.DoesNotContain(secret.Value, redacted, StringComparison.Ordinal);
                var back = JsonSerializer.Deserialize<ToolArguments>(redacted, options)!;
                Assert.Equal("send", back.Action);
                Assert.Equal(before + Expected(secret, type) + after, back.Body);
                Assert.Equal(3, back.Retries);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_in_json_nested_in_a_json_string_is_replaced_and_both_levels_stay_valid(int index, string type)
    {
        var secret = SecretCorpus.All[index];
        foreach (var options in new[] { JsonSerializerOptions.Default, Relaxed })
        {
            var inner = JsonSerializer.Serialize(new ToolArguments("store", secret.Text, 1), options);
            var outer = JsonSerializer.Serialize(new ToolResult(true, inner), options);
            var redacted = _redactor.Redact(outer);
            var back = JsonSerializer.Deserialize<ToolResult>(redacted, options)!;
            Assert.True(back.Ok);
            Assert.Equal(Expected(secret, type), JsonSerializer.Deserialize<ToolArguments>(back.Payload, options)!.Body);
        }
    }

    [Fact]
    public void Every_detector_kind_is_in_the_corpus_several_times()
    {
        foreach (var type in RedactionTypes.BuiltIn)
        {
            Assert.True(SecretCorpus.All.Count(s => s.Type == type) >= 2, type);
        }
    }

    [Fact]
    public void Many_secrets_of_every_kind_in_one_text_are_all_replaced()
    {
        var text = string.Join(" | ", SecretCorpus.All.Select(s => s.Text));
        var expected = string.Join(" | ", SecretCorpus.All.Select(s => s.Expected));
        Assert.Equal(expected, _redactor.Redact(text));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Clean_text_is_returned_as_the_same_instance(string text)
    {
        Assert.Empty(_redactor.Find(text));
        Assert.Same(text, _redactor.Redact(text));
        Assert.False(_redactor.ContainsSensitiveData(text));
    }

    [Theory]
    [MemberData(nameof(Clean))]
    public void Clean_text_in_json_is_returned_as_the_same_instance(string text)
    {
        foreach (var options in new[] { JsonSerializerOptions.Default, Relaxed })
        {
            var json = JsonSerializer.Serialize(new ToolResult(true, JsonSerializer.Serialize(new ToolArguments("x", text, 1), options)), options);
            Assert.Empty(_redactor.Find(json));
            Assert.Same(json, _redactor.Redact(json));
        }
    }

    [Fact]
    public void Null_and_empty_pass_through()
    {
        Assert.Null(_redactor.Redact(null));
        Assert.Same("", _redactor.Redact(""));
    }

    [Fact]
    public void A_disabled_redactor_changes_nothing()
    {
        var off = new TextRedactor(new RedactionOptions { Enabled = false });
        var text = "mail jane.doe@example.com";
        Assert.Same(text, off.Redact(text));
        Assert.False(off.ContainsSensitiveData(text));
    }

    [Fact]
    public void A_disabled_detector_does_not_run()
    {
        var noPhones = new TextRedactor(new RedactionOptions { DisabledDetectors = ["phone"] });
        var text = "call +44 20 7946 0958 or mail jane.doe@example.com";
        Assert.Equal("call +44 20 7946 0958 or mail [REDACTED:email]", noPhones.Redact(text));
    }

    [Fact]
    public void Labels_stay_and_only_values_go()
    {
        Assert.Equal("AccountName=a;AccountKey=[REDACTED:azure_key];EndpointSuffix=core.windows.net",
            _redactor.Redact("AccountName=a;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net"));
        Assert.Equal("https://a.blob.core.windows.net/c?sv=2022-11-02&sig=[REDACTED:azure_key]&se=2026-01-01",
            _redactor.Redact("https://a.blob.core.windows.net/c?sv=2022-11-02&sig=abcdefghijklmnop%2Bqrstu%3D&se=2026-01-01"));
    }

    [Fact]
    public void A_private_key_cut_off_before_its_end_line_is_still_redacted()
    {
        var pem = SecretCorpus.All.First(s => s.Type == RedactionTypes.PrivateKey).Value;
        var truncated = pem[..(pem.Length / 2)];
        Assert.Equal("key: [REDACTED:private_key]", _redactor.Redact("key: " + truncated));
        var json = JsonSerializer.Serialize(new ToolArguments("x", truncated + "\n", 0));
        var back = JsonSerializer.Deserialize<ToolArguments>(_redactor.Redact(json))!;
        Assert.Equal("[REDACTED:private_key]\n", back.Body);
    }

    [Fact]
    public void A_card_number_is_cut_at_its_group_boundary()
    {
        Assert.Equal("card [REDACTED:card] 2024", _redactor.Redact("card 4111 1111 1111 1111 2024"));
    }

    [Fact]
    public void An_iban_followed_by_words_is_cut_at_its_length()
    {
        Assert.Equal("pay to [REDACTED:iban] EUR 10", _redactor.Redact("pay to DE89 3704 0044 0532 0130 00 EUR 10"));
    }

    [Fact]
    public void Span_api_matches_the_string_api()
    {
        var text = "mail jane.doe@example.com, card 4111 1111 1111 1111, ok";
        var length = _redactor.GetRedactedLength(text);
        var buffer = new char[length + 5];
        var written = _redactor.Redact(text, buffer);
        Assert.Equal(length, written);
        Assert.Equal(_redactor.Redact(text), new string(buffer, 0, written));
        Assert.Throws<ArgumentException>(() => _redactor.Redact(text, new char[length - 1]));
    }

    [Fact]
    public async Task One_redactor_is_safe_to_share_between_threads()
    {
        var texts = SecretCorpus.All.Select(s => "a " + s.Text + " b").ToArray();
        var expected = texts.Select(_redactor.Redact).ToArray();
        await Task.Run(() => Parallel.For(0, 20 * texts.Length, i => Assert.Equal(expected[i % texts.Length], _redactor.Redact(texts[i % texts.Length]))))
            .WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Pathological_inputs_complete()
    {
        const int Size = 100 * 1024;
        string[] inputs =
        [
            new string('@', Size),
            new string('7', Size),
            new string('a', Size) + "@",
            "a@" + new string('a', Size),
            Repeat("a@b.", Size),
            Repeat("a.", Size) + "@example.com",
            Repeat("eyJ", Size),
            "eyJ" + new string('a', Size) + "." + new string('b', Size),
            Repeat("-----BEGIN RSA PRIVATE KEY-----", Size),
            Repeat("-----BEGIN PRIVATE KEY----------END PRIVATE KEY-----", Size),
            "-----BEGIN RSA PRIVATE KEY-----" + Repeat("-----END ", Size),
            Repeat("sk-", Size),
            "sk-" + new string('a', Size),
            Repeat("ghp_", Size),
            Repeat("xoxb-", Size),
            Repeat("AKIA", Size),
            Repeat("+1 ", Size),
            Repeat("+1(", Size),
            Repeat("0 ", Size),
            Repeat("01.", Size),
            Repeat("4111 ", Size),
            Repeat("4-", Size),
            Repeat("DE89 ", Size),
            Repeat("DE89", Size),
            Repeat("\\u0022", Size),
            Repeat("\\n", Size),
            Repeat("sig=", Size),
            Repeat("AccountKey=", Size),
            "aws_secret_access_key=" + new string('A', Size),
            Repeat("hooks.slack.com/services/", Size),
            Repeat("x-amz-signature=", Size),
        ];

        await Task.Run(() =>
        {
            foreach (var input in inputs)
            {
                Assert.NotNull(_redactor.Redact(input));
            }
        }).WaitAsync(TimeSpan.FromMinutes(2));
    }

    private static string Expected(Secret secret, string type) => secret.Label + RedactionTypes.Replacement(type);

    private static string Repeat(string unit, int size) => string.Concat(Enumerable.Repeat(unit, (size / unit.Length) + 1));

    private sealed record ToolArguments(string Action, string Body, int Retries);

    private sealed record ToolResult(bool Ok, string Payload);
}
