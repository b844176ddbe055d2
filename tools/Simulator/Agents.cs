using AgentOps.Client.Events;

namespace AgentOps.Simulator;

/// <summary>An agent the simulator plays: how often it runs and what one run looks like at a given time.</summary>
public abstract class SimulatedAgent(string id, double runsPerHour)
{
    private long _runs;

    public string Id { get; } = id;

    /// <summary>Runs per hour at rate 1.</summary>
    public double RunsPerHour { get; } = runsPerHour;

    /// <summary>True for the stories' agents: they run at a steady pace (±20%), so each story shows within the hour.</summary>
    protected virtual bool Steady => false;

    /// <summary>When the run after one at <paramref name="at"/> starts: steady agents every 1/rate hours ±20%, the others a Poisson process.</summary>
    public DateTimeOffset NextRunAfter(DateTimeOffset at, double rate, Random random)
    {
        var mean = 3600.0 / (RunsPerHour * Math.Max(rate, 0.001));
        var seconds = Steady ? mean * (0.8 + (random.NextDouble() * 0.4)) : -mean * Math.Log(1 - random.NextDouble());
        return at.AddSeconds(Math.Max(1, seconds));
    }

    /// <summary>A policy to set before any event, if the agent has one.</summary>
    public virtual WirePolicy? Policy => null;

    /// <summary>The events of one run starting at <paramref name="start"/>.</summary>
    public IReadOnlyList<AgentOpsEvent> Run(DateTimeOffset start, World world)
    {
        var runId = $"{Id}-{start.ToUnixTimeMilliseconds():x}-{Interlocked.Increment(ref _runs)}";
        return Build(runId, start, world).Events;
    }

    protected abstract RunBuilder Build(string runId, DateTimeOffset start, World world);

    /// <summary>A value with relative noise: <paramref name="value"/> ± <paramref name="spread"/> (uniform).</summary>
    protected static double Noisy(Random random, double value, double spread = 0.08) => value * (1 + ((random.NextDouble() * 2) - 1) * spread);
}

/// <summary>What the agents share: the clock of the story, users, routes, models and randomness.</summary>
public sealed class World(Random random, int users, DateTimeOffset changeAt)
{
    public static readonly string[] Routes = ["checkout", "search", "onboarding", "billing", "docs", "internal-tools", "analytics", "support-chat", "code-review"];

    public Random Random { get; } = random;

    /// <summary>When the stories' changes happened (the PR reviewer's new prompt, the support bot's new routing).</summary>
    public DateTimeOffset ChangeAt { get; } = changeAt;

    /// <summary>An end user, the first ones much busier than the rest.</summary>
    public string User()
    {
        var skewed = Math.Pow(Random.NextDouble(), 2.2);
        return $"user-{1 + (int)(skewed * users):0000}";
    }
}

/// <summary>Story 1: a PR-review agent whose cost per review goes from ~$0.10 to ~$0.25 with prompt v42 (it reads many more files).</summary>
public sealed class PrReviewer() : SimulatedAgent("pr-reviewer", 12)
{
    protected override bool Steady => true;

    protected override RunBuilder Build(string runId, DateTimeOffset start, World world)
    {
        var r = world.Random;
        var dearer = start >= world.ChangeAt;
        var version = dearer ? "v42" : "v41";
        var cost = Noisy(r, dearer ? 0.25 : 0.10);
        var run = new RunBuilder(Id, runId, start, "code-review", $"dev-{r.Next(1, 25):00}", version, r)
            .Started($"Review pull request #{r.Next(1000, 9999)}")
            .Llm("gpt-4o", dearer ? 38_000 : 14_000, 1_400, cached: dearer ? 4_000 : 9_000, costUsd: cost * 0.6, prompt: "Plan the review", answer: "Files to read: ...");
        var reads = dearer ? 9 : 2;
        for (var i = 0; i < reads; i++)
        {
            run.Tool("read_file", ToolAction.Read, $"repo:src/{(char)('a' + r.Next(0, 26))}{r.Next(1, 99)}.cs");
        }

        run.Tool("search", ToolAction.Read, "repo:index")
            .Llm("gpt-4o", dearer ? 30_000 : 9_000, 1_100, costUsd: cost * 0.4)
            .Tool("post_comment", ToolAction.Write, "github:pulls", approved: true)
            .Eval("review-quality", Noisy(r, 0.86, 0.06));
        return run.Finished(r.NextDouble() < 0.03 ? RunOutcome.Failure : RunOutcome.Success);
    }
}

/// <summary>Story 2: a support agent whose answers get worse (evals ~0.9 to ~0.55) after the routing change to a cheaper model.</summary>
public sealed class SupportBot() : SimulatedAgent("support-bot", 18)
{
    protected override bool Steady => true;

    protected override RunBuilder Build(string runId, DateTimeOffset start, World world)
    {
        var r = world.Random;
        var rerouted = start >= world.ChangeAt;
        var run = new RunBuilder(Id, runId, start, "support-chat", world.User(), "2.3.0", r).Started("Customer asks about a refund");
        run.Llm(rerouted ? "gpt-4o-mini" : "gpt-4o", r.Next(2_000, 6_000), r.Next(200, 600), cached: r.Next(0, 1_500));
        run.Tool("kb_search", ToolAction.Read, "kb:help-center");
        if (r.NextDouble() < 0.4)
        {
            run.Tool("crm_lookup", ToolAction.Read, "crm:customers");
        }

        run.Llm(rerouted ? "gpt-4o-mini" : "gpt-4o", r.Next(3_000, 8_000), r.Next(300, 900));
        run.Eval("resolution", rerouted ? Noisy(r, 0.55, 0.15) : Noisy(r, 0.91, 0.05), evaluator: rerouted ? "llm-judge:routing-v2" : "llm-judge:routing-v1");
        return run.Finished(rerouted && r.NextDouble() < 0.2 ? RunOutcome.Abandoned : RunOutcome.Success);
    }
}

/// <summary>Story 3: a data-migration agent allowed to write only to staging; now and then it tries production and its sandbox denies it.</summary>
public sealed class DataMigrator() : SimulatedAgent("data-migrator", 6)
{
    protected override bool Steady => true;

    public override WirePolicy Policy { get; } = new()
    {
        AutonomyTier = "staging-only",
        AllowedTools = ["db_read", "db_write", "schema_diff", "run_migration"],
        WriteTargets = ["db:staging.*"],
        MaxCostPerRunUsd = 1.0,
        MaxDailyCostUsd = 25.0,
    };

    protected override RunBuilder Build(string runId, DateTimeOffset start, World world)
    {
        var r = world.Random;
        var table = new[] { "orders", "customers", "invoices", "shipments" }[r.Next(0, 4)];
        var run = new RunBuilder(Id, runId, start, "nightly-migrations", "svc-migrations", "1.8.2", r)
            .Started($"Migrate {table} to the new schema")
            .Llm("claude-sonnet-4", r.Next(6_000, 12_000), r.Next(500, 1_500))
            .Tool("schema_diff", ToolAction.Read, $"db:staging.{table}")
            .Tool("db_read", ToolAction.Read, $"db:staging.{table}")
            .Tool("db_write", ToolAction.Write, $"db:staging.{table}");
        if (r.NextDouble() < 0.35)
        {
            // The agent decides to "also fix production"; its sandbox refuses.
            run.Llm("claude-sonnet-4", r.Next(3_000, 6_000), r.Next(200, 600), answer: "Applying the same change to production.")
                .Tool("db_write", ToolAction.Write, $"db:production.{table}", status: CallStatus.Denied, errorType: "sandbox_denied",
                    input: $"ALTER TABLE {table} ...", output: "denied by sandbox: production is out of scope");
            return run.Finished(RunOutcome.Failure);
        }

        return run.Tool("run_migration", ToolAction.Execute, $"db:staging.{table}").Finished();
    }
}

/// <summary>A scraper that falls into retry storms for a quarter of every hour (the retry-rate rule fires after 10 minutes).</summary>
public sealed class FlakyScraper() : SimulatedAgent("web-scraper", 40)
{
    protected override RunBuilder Build(string runId, DateTimeOffset start, World world)
    {
        var r = world.Random;
        var storm = start.Minute < 15;
        var run = new RunBuilder(Id, runId, start, "analytics", "svc-crawler", "0.9.1", r).Started();
        for (var page = 0; page < 3; page++)
        {
            var attempts = storm && r.NextDouble() < 0.5 ? r.Next(2, 4) : 1;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                var last = attempt == attempts;
                run.Tool("http_get", ToolAction.Read, $"web:competitor.example/p{r.Next(1, 500)}", status: last ? CallStatus.Ok : CallStatus.Error, attempt: attempt,
                    errorType: last ? null : "timeout");
            }
        }

        run.Llm("gpt-4o-mini", r.Next(3_000, 9_000), r.Next(200, 500));
        return run.Finished();
    }
}

/// <summary>One of the background agents: steady, with a little noise in cost, errors, retries and evals.</summary>
public sealed class BackgroundAgent(string id, Random random) : SimulatedAgent(id, 3 + random.Next(0, 18))
{
    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "claude-haiku-4-5", "claude-sonnet-4", "gemini-2.5-flash", "mistral-small"];
    private static readonly string[] ToolPool = ["search", "http_get", "read_file", "sql_query", "send_email", "calendar_read", "kb_search", "crm_lookup", "translate", "summarize_doc"];

    private readonly string _model = Models[random.Next(0, Models.Length)];
    private readonly string _route = World.Routes[random.Next(0, World.Routes.Length)];
    private readonly string[] _tools = ToolPool.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
    private readonly double _errorRate = random.NextDouble() * 0.04;
    private readonly double _retryRate = random.NextDouble() * 0.08;
    private readonly double _evalMean = 0.75 + (random.NextDouble() * 0.2);
    private readonly int _size = random.Next(1, 6);

    protected override RunBuilder Build(string runId, DateTimeOffset start, World world)
    {
        var r = world.Random;
        var run = new RunBuilder(Id, runId, start, _route, world.User(), "1.0." + (start.DayOfYear % 3), r).Started();
        var failed = false;
        for (var step = 0; step < _size; step++)
        {
            var retry = r.NextDouble() < _retryRate;
            var error = r.NextDouble() < _errorRate;
            run.Llm(_model, r.Next(800, 4_000) * _size, r.Next(100, 700), cached: r.Next(0, 800), attempt: 1,
                status: error && !retry ? CallStatus.Error : CallStatus.Ok, errorType: error && !retry ? "rate_limited" : null);
            if (retry)
            {
                run.Llm(_model, r.Next(800, 4_000), r.Next(100, 700), attempt: 2);
            }

            failed |= error && !retry;
            var tool = _tools[r.Next(0, _tools.Length)];
            run.Tool(tool, tool is "send_email" ? ToolAction.Write : ToolAction.Read, $"{tool}:{r.Next(1, 50)}", status: r.NextDouble() < _errorRate ? CallStatus.Error : CallStatus.Ok);
        }

        if (r.NextDouble() < 0.3)
        {
            run.Eval("helpfulness", Noisy(r, _evalMean, 0.1));
        }

        return run.Finished(failed ? RunOutcome.Failure : r.NextDouble() < 0.02 ? RunOutcome.Abandoned : RunOutcome.Success);
    }
}
