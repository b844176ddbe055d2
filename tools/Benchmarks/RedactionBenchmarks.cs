using AgentOps.Events;
using AgentOps.Redaction;
using BenchmarkDotNet.Attributes;

namespace AgentOps.Benchmarks;

/// <summary>
/// The redaction engine on one typical agent step: a ~1 KB model output and ~300 B of tool arguments, clean or with
/// one e-mail address and one API key, and the whole event through <see cref="EventRedactor"/>. The baseline copies
/// the same strings once, the least any pass that produces a new text would cost.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private const string Output =
        "Here is the summary of the incident you asked about. On 2024-06-10 at 12:30:45 UTC the checkout service started " +
        "returning HTTP 503 for about 4% of requests. The p95 latency rose from 180 ms to 2,400 ms over 12 minutes, and " +
        "the retry rate of the payment client went from 0.8% to 11.2%. Version 10.4.2 of the gateway had been deployed " +
        "at 12:18 (build 20240610.3), which enabled the new connection pool (max 256 connections, idle timeout 90 s). " +
        "Order ORD-2024-000123 and 1,284 others were retried; none were charged twice. Root cause: the pool's health " +
        "check used the old hostname db-primary.internal:5432, so connections were recycled every 30 seconds.\n\n" +
        "Recommended next steps:\n1. Roll back the gateway to 10.4.1 or set pool.healthCheckHost to db.internal.\n" +
        "2. Add an alert on retry rate above 5% for 5 minutes.\n3. Re-run the load test (1200 rps, 15 min) before the " +
        "next deploy; the last run used 128000 tokens of context and cost $3.84 in total.\nLet me know if you want me " +
        "to open the rollback pull request or draft the post-mortem for the team channel.";

    private const string Arguments =
        "{\"repository\":\"acme/checkout-gateway\",\"base\":\"main\",\"head\":\"rollback/10.4.1\",\"title\":\"Roll back gateway to 10.4.1\"," +
        "\"body\":\"Reverts the connection pool change of 10.4.2 (incident INC-2024-0610, p95 2.4 s).\"," +
        "\"labels\":[\"incident\",\"sev2\"],\"reviewers\":[\"ana\",\"ops-oncall\"],\"draft\":false,\"maxFiles\":50,\"timeoutMs\":30000}";

    private string _output = "";
    private string _arguments = "";
    private string _outputWithEmail = "";
    private string _argumentsWithKey = "";
    private AgentEvent _cleanEvent = null!;
    private AgentEvent _eventWithSecrets = null!;
    private TextRedactor _text = null!;
    private EventRedactor _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _output = Output;
        _arguments = Arguments;
        _outputWithEmail = Output.Replace("for the team channel.", "for jane.doe@example.com.", StringComparison.Ordinal);
        _argumentsWithKey = Arguments.Replace("\"draft\":false", "\"token\":\"ghp_R4nd0mT0k3nV4lu3F0rB3nchm4rk1ngX9zQ1\",\"draft\":false", StringComparison.Ordinal);
        var options = new RedactionOptions();
        _text = new TextRedactor(options);
        _events = new EventRedactor(_text, options);
        _cleanEvent = new AgentEvent
        {
            Id = "01J0ZK9V7Q2M3N4P5R6S7T8U9V",
            Type = EventType.ToolCall,
            Timestamp = new DateTimeOffset(2024, 6, 10, 12, 31, 2, TimeSpan.Zero),
            AgentId = "incident-assistant",
            RunId = "run-7f3a2c",
            RouteId = "incidents",
            UserId = "ana",
            AgentVersion = "2024.06.1",
            Tool = "github.create_pull_request",
            Action = ToolAction.Write,
            Target = "github:acme/checkout-gateway",
            LatencyMs = 840,
            Input = _arguments,
            Output = _output,
            Attributes = new Dictionary<string, string> { ["region"] = "eu-west-1", ["session"] = "s-1842", ["trace_id"] = "4bf92f3577b34da6a3ce929d0e0e4736" },
        };
        _eventWithSecrets = _cleanEvent with { Input = _argumentsWithKey, Output = _outputWithEmail };
        if (!ReferenceEquals(_output, _text.Redact(_output)) || ReferenceEquals(_outputWithEmail, _text.Redact(_outputWithEmail))
            || ReferenceEquals(_argumentsWithKey, _text.Redact(_argumentsWithKey)))
        {
            throw new InvalidOperationException("The benchmark texts do not exercise what they claim to.");
        }
    }

    /// <summary>Copies the output and the arguments once: the floor of a pass that writes new text.</summary>
    [Benchmark(Baseline = true)]
    public int CopyStep() => new string(_output.AsSpan()).Length + new string(_arguments.AsSpan()).Length;

    /// <summary>A typical clean step: nothing found, same instances back, nothing allocated.</summary>
    [Benchmark]
    public int CleanStep() => _text.Redact(_output).Length + _text.Redact(_arguments).Length;

    /// <summary>A step with an e-mail address in the output and a GitHub token in the arguments.</summary>
    [Benchmark]
    public int StepWithEmailAndKey() => _text.Redact(_outputWithEmail).Length + _text.Redact(_argumentsWithKey).Length;

    /// <summary>The whole clean event (input, output, target, attributes) through the event redactor.</summary>
    [Benchmark]
    public AgentEvent CleanEvent() => _events.Redact(_cleanEvent);

    /// <summary>The event with an e-mail address and a key: a new event with two new strings.</summary>
    [Benchmark]
    public AgentEvent EventWithSecrets() => _events.Redact(_eventWithSecrets);
}
