using System.Buffers;
using System.Text.Json;

namespace AgentOps.LoadGenerator;

/// <summary>
/// Generates realistic traffic: many runs in flight at once, each a start, a few model and tool calls, sometimes an
/// eval, and a finish; a batch interleaves the next steps of random runs, so it touches many agents, routes and
/// users (the hard case for the pipeline). Event ids are unique per generator.
/// </summary>
public sealed class Workload(LoadOptions options, int generator) : IWorkload
{
    private static readonly string[] Models = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"];
    private static readonly string[] Tools = ["read_file", "search", "http_get", "run_tests", "post_comment", "db_read", "list_dir", "write_file"];
    private const int RunsInFlight = 2_000;

    private readonly Random _random = new(options.Seed + generator);
    private readonly ActiveRun?[] _runs = new ActiveRun?[RunsInFlight];
    private readonly string _prefix = $"{Session}-g{generator}-";

    /// <summary>Distinguishes the ids of one load-generator process from those of earlier runs against the same silo.</summary>
    private static readonly string Session = Guid.NewGuid().ToString("N")[..6];
    private long _nextId;
    private long _nextRun;

    public string ContentType => "application/json";

    public string Path => "/v1/events";

    public int EventsPerRequest => options.Batch;

    /// <summary>Writes one batch of <see cref="LoadOptions.Batch"/> events as <c>{"events":[...]}</c>.</summary>
    public void WriteBatch(IBufferWriter<byte> output, DateTimeOffset now)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("events");
        for (var i = 0; i < options.Batch; i++)
        {
            WriteNextStep(json, now);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteNextStep(Utf8JsonWriter json, DateTimeOffset now)
    {
        var slot = _random.Next(RunsInFlight);
        var run = _runs[slot] ??= NewRun();
        json.WriteStartObject();
        json.WriteString("id", _prefix + _nextId++.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("timestamp", now);
        json.WriteString("agentId", run.Agent);
        json.WriteString("runId", run.Id);
        json.WriteString("routeId", run.Route);
        json.WriteString("userId", run.User);
        if (run.Step == 0)
        {
            json.WriteString("type", "run_started");
        }
        else if (run.Step >= run.Steps)
        {
            json.WriteString("type", "run_finished");
            json.WriteString("outcome", _random.Next(10) == 0 ? "failure" : "success");
            _runs[slot] = null;
        }
        else if (run.Step == run.Steps - 1 && run.Evaluated)
        {
            json.WriteString("type", "eval");
            json.WriteString("rubric", "helpfulness");
            json.WriteNumber("score", Math.Round(0.6 + (_random.NextDouble() * 0.4), 3));
            json.WriteBoolean("passed", _random.Next(5) != 0);
        }
        else if (run.Step % 2 == 1)
        {
            json.WriteString("type", "llm_call");
            json.WriteString("model", run.Model);
            var input = 500 + _random.Next(4_000);
            json.WriteNumber("inputTokens", input);
            json.WriteNumber("cachedInputTokens", input / 2);
            json.WriteNumber("outputTokens", 50 + _random.Next(800));
            json.WriteNumber("latencyMs", 300 + _random.Next(2_000));
            json.WriteNumber("attempt", _random.Next(20) == 0 ? 2 : 1);
            if (options.Content)
            {
                json.WriteString("output", StepContent.Output(_random));
            }
        }
        else
        {
            json.WriteString("type", "tool_call");
            json.WriteString("tool", Tools[_random.Next(Tools.Length)]);
            json.WriteString("action", "read");
            json.WriteString("status", _random.Next(25) == 0 ? "error" : "ok");
            json.WriteNumber("latencyMs", 5 + _random.Next(200));
            if (options.Content)
            {
                json.WriteString("input", StepContent.Input(_random));
            }
        }

        json.WriteEndObject();
        run.Step++;
    }

    private ActiveRun NewRun()
    {
        var agent = _random.Next(options.Agents);
        return new ActiveRun
        {
            Id = $"{_prefix}run-{_nextRun++}",
            Agent = $"agent-{agent:0000}",
            Route = $"route-{agent % options.Routes:00}",
            User = $"user-{_random.Next(options.Users):0000}",
            Model = Models[agent % Models.Length],
            Steps = 4 + _random.Next(8),
            Evaluated = _random.Next(10) == 0,
        };
    }

    private sealed class ActiveRun
    {
        public required string Id { get; init; }
        public required string Agent { get; init; }
        public required string Route { get; init; }
        public required string User { get; init; }
        public required string Model { get; init; }
        public required int Steps { get; init; }
        public required bool Evaluated { get; init; }
        public int Step { get; set; }
    }
}
