using AgentOps.Events;
using AgentOps.Redaction;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentOps.Grains.Tests.Redaction;

public sealed class RedactionOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_enable_every_detector()
    {
        var options = new RedactionOptions();
        Assert.True(options.Enabled);
        Assert.Empty(RedactionOptionsValidator.Check(options));
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.PatternMatchTimeout);
    }

    [Fact]
    public void Custom_patterns_are_replaced_with_their_name()
    {
        var redactor = new TextRedactor(new RedactionOptions
        {
            Patterns =
            [
                new RedactionPattern { Name = "ticket", Pattern = @"TCK-[0-9]{6}" },
                new RedactionPattern { Name = "employee_id", Pattern = @"(?<=employee )E[0-9]{5}" }, // a lookbehind: backtracking engine
            ],
        });
        Assert.Equal("see [REDACTED:ticket] for employee [REDACTED:employee_id], mail [REDACTED:email]",
            redactor.Redact("see TCK-123456 for employee E12345, mail jane.doe@example.com"));
        var clean = "see TCK-12 for E12345";
        Assert.Same(clean, redactor.Redact(clean));
    }

    [Fact]
    public void A_custom_pattern_that_times_out_redacts_the_whole_text()
    {
        var redactor = new TextRedactor(new RedactionOptions
        {
            PatternMatchTimeout = TimeSpan.FromMilliseconds(1),
            Patterns = [new RedactionPattern { Name = "slow", Pattern = @"^(\w+\s?)*\1$" }], // a backreference: backtracking engine
        });
        var text = string.Concat(Enumerable.Repeat("word ", 5_000)) + "!";
        Assert.Equal("[REDACTED:slow]", redactor.Redact(text));
    }

    [Theory]
    [InlineData("([a-z", "Patterns:0:Pattern")]
    [InlineData("a*", "matches the empty string")]
    [InlineData("", "Patterns:0:Pattern")]
    public void An_invalid_custom_pattern_is_rejected(string pattern, string message)
    {
        var options = new RedactionOptions { Patterns = [new RedactionPattern { Name = "bad", Pattern = pattern }] };
        var failure = Assert.Single(RedactionOptionsValidator.Check(options));
        Assert.Contains(message, failure, StringComparison.Ordinal);
        Assert.True(new RedactionOptionsValidator().Validate(null, options).Failed);
        Assert.Throws<ArgumentException>(() => new TextRedactor(options));
    }

    [Fact]
    public void Other_invalid_options_are_rejected_with_their_keys()
    {
        var options = new RedactionOptions
        {
            PatternMatchTimeout = TimeSpan.Zero,
            DisabledDetectors = ["phone", "fax"],
            Patterns =
            [
                new RedactionPattern { Name = "has space", Pattern = "x" },
                new RedactionPattern { Name = "dup", Pattern = "x" },
                new RedactionPattern { Name = "dup", Pattern = "y" },
            ],
            FieldRules =
            [
                new RedactionFieldRule { EventType = "llm", Field = "input" },
                new RedactionFieldRule { Field = "prompt" },
                new RedactionFieldRule { Field = "attributes." },
                new RedactionFieldRule { Field = "input", Tool = " " },
            ],
        };
        var failures = RedactionOptionsValidator.Check(options);
        Assert.Equal(8, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("AgentOps:Redaction:PatternMatchTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DisabledDetectors:1 'fax'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Patterns:0:Name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Patterns:2:Name 'dup'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FieldRules:0: EventType 'llm'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FieldRules:1: Field 'prompt'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FieldRules:2: Field 'attributes.'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FieldRules:3: Tool", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_bind_from_configuration_and_drive_the_registered_redactors()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["AgentOps:Redaction:DisabledDetectors:0"] = "phone",
            ["AgentOps:Redaction:Patterns:0:Name"] = "ticket",
            ["AgentOps:Redaction:Patterns:0:Pattern"] = "TCK-[0-9]{6}",
            ["AgentOps:Redaction:FieldRules:0:EventType"] = "tool_call",
            ["AgentOps:Redaction:FieldRules:0:Tool"] = "read_secrets",
            ["AgentOps:Redaction:FieldRules:0:Field"] = "input",
            ["AgentOps:Redaction:FieldRules:0:Action"] = "drop",
        });

        var text = services.GetRequiredService<TextRedactor>();
        Assert.Equal("[REDACTED:ticket] +44 20 7946 0958", text.Redact("TCK-123456 +44 20 7946 0958"));
        var events = services.GetRequiredService<EventRedactor>();
        Assert.Same(text, events.Text);
        var e = new AgentEvent
        {
            Id = "e1",
            Type = EventType.ToolCall,
            Timestamp = DateTimeOffset.UnixEpoch,
            AgentId = "a",
            RunId = "r",
            Tool = "read_secrets",
            Input = "x",
        };
        Assert.Null(events.Redact(e).Input);
    }

    [Fact]
    public void Invalid_configuration_fails_when_the_redactor_is_built()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["AgentOps:Redaction:Patterns:0:Name"] = "broken",
            ["AgentOps:Redaction:Patterns:0:Pattern"] = "([a-z",
        });
        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<TextRedactor>);
        Assert.Contains("Patterns:0:Pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compliance_redactor_redacts_like_the_text_redactor()
    {
        using var services = Services([]);
        Redactor redactor = services.GetRequiredService<AgentOpsRedactor>();
        var text = "user jane.doe@example.com paid with 4111 1111 1111 1111";
        Assert.Equal("user [REDACTED:email] paid with [REDACTED:card]", redactor.Redact(text));
        Assert.Equal("no secrets", redactor.Redact("no secrets"));
        Span<char> destination = stackalloc char[redactor.GetRedactedLength(text)];
        Assert.Equal(destination.Length, redactor.Redact(text, destination));
    }

    [Fact]
    public void The_compliance_redactor_is_registered_for_free_text()
    {
        var builder = new RecordingRedactionBuilder();
        builder.SetAgentOpsRedactor(new DataClassificationSet(new DataClassification("Other", "Secret")));
        Assert.Equal(typeof(AgentOpsRedactor), builder.Redactor);
        Assert.Equal(
            [new DataClassificationSet(AgentOpsDataClassifications.FreeText), new DataClassificationSet(new DataClassification("Other", "Secret"))],
            builder.Classifications);
        Assert.Equal(AgentOpsDataClassifications.FreeText, new FreeTextAttribute().Classification);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAgentOpsRedaction().BuildServiceProvider();
    }

    private sealed class RecordingRedactionBuilder : IRedactionBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();

        public Type? Redactor { get; private set; }

        public DataClassificationSet[] Classifications { get; private set; } = [];

        public IRedactionBuilder SetRedactor<T>(params DataClassificationSet[] classifications)
            where T : Redactor
        {
            Redactor = typeof(T);
            Classifications = classifications;
            return this;
        }

        public IRedactionBuilder SetFallbackRedactor<T>()
            where T : Redactor => this;
    }
}
