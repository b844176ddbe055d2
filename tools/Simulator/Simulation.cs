using AgentOps.Client.Events;

namespace AgentOps.Simulator;

/// <summary>Backfills history so baselines exist, then plays live traffic every second until cancelled.</summary>
public sealed class Simulation(SimulatorOptions options, Ingest ingest, TimeProvider time)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly string[] BackgroundNames =
    [
        "invoice-extractor", "email-triage", "sql-copilot", "docs-qa", "onboarding-guide", "ticket-summarizer", "contract-reviewer",
        "release-notes-writer", "sales-assistant", "hr-helpdesk", "code-search", "translation-bot", "meeting-notes", "log-analyst",
        "expense-auditor", "seo-writer", "qa-test-gen", "security-triage", "churn-predictor", "calendar-agent",
    ];

    private readonly Random _random = options.Seed is { } seed ? new Random(seed) : new Random();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        // The stories' changes (new prompt, new routing) happened 50 minutes ago: the last hour shows them, the week does not.
        var world = new World(_random, options.Users, options.BackfillHours > 0 ? start.AddMinutes(-50) : start);
        var agents = Agents();
        foreach (var agent in agents.Where(a => a.Policy is not null))
        {
            await ingest.SetPolicyAsync(agent.Id, agent.Policy!, cancellationToken);
            Console.WriteLine($"policy set for {agent.Id}");
        }

        if (options.BackfillHours > 0)
        {
            var from = start.AddHours(-options.BackfillHours);
            Console.WriteLine($"backfilling {options.BackfillHours} h of history for {agents.Count} agents ({from:u} to {start:u})…");
            var events = new List<AgentOpsEvent>();
            foreach (var agent in agents)
            {
                for (var at = agent.NextRunAfter(from, 1, _random); at < start.AddMinutes(-2); at = agent.NextRunAfter(at, 1, _random))
                {
                    events.AddRange(agent.Run(at, world));
                }
            }

            // Oldest first, as a real backlog would arrive.
            events.Sort((a, b) => Nullable.Compare(a.Timestamp, b.Timestamp));
            await ingest.PostAsync(events, cancellationToken);
            Console.WriteLine($"backfill done: {ingest.Accepted:N0} events accepted, {ingest.Rejected:N0} rejected");
        }

        Console.WriteLine($"live traffic at rate {options.Rate} (Ctrl-C stops)…");
        var liveUntil = options.Once ? start + TimeSpan.FromMinutes(1) : DateTimeOffset.MaxValue;
        var lastReport = start;
        var next = agents.ToDictionary(a => a, a => a.NextRunAfter(start, options.Rate, _random));
        using var timer = new PeriodicTimer(Tick, time);
        while (!cancellationToken.IsCancellationRequested && time.GetUtcNow() < liveUntil)
        {
            var now = time.GetUtcNow();
            var events = new List<AgentOpsEvent>();
            foreach (var agent in agents)
            {
                while (next[agent] <= now)
                {
                    // A run that just finished: its steps spread over the seconds before now.
                    var run = agent.Run(now.AddSeconds(-_random.Next(5, 40)), world);
                    events.AddRange(run.Where(e => e.Timestamp < now.AddMinutes(4)));
                    next[agent] = agent.NextRunAfter(next[agent], options.Rate, _random);
                }
            }

            if (events.Count > 0)
            {
                await ingest.PostAsync(events, cancellationToken);
            }

            if (now - lastReport >= TimeSpan.FromSeconds(15))
            {
                lastReport = now;
                Console.WriteLine($"{now:HH:mm:ss} {ingest.Accepted:N0} events accepted, {ingest.Rejected:N0} rejected");
            }

            if (!await timer.WaitForNextTickAsync(cancellationToken))
            {
                break;
            }
        }
    }

    private List<SimulatedAgent> Agents()
    {
        var agents = new List<SimulatedAgent> { new PrReviewer(), new SupportBot(), new DataMigrator(), new FlakyScraper() };
        for (var i = 0; i < options.Agents; i++)
        {
            var name = i < BackgroundNames.Length ? BackgroundNames[i] : $"agent-{i + 1:000}";
            agents.Add(new BackgroundAgent(name, _random));
        }

        return agents;
    }
}
