using System.Collections.Concurrent;
using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Fleet;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>What dashboards subscribe to: the fleet rows, an entity's change notices, the project's alerts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveFeedTests(ClusterFixture fixture)
{
    private readonly string _project = "live" + Guid.NewGuid().ToString("N")[..8];
    private static long _flush;

    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private EntityDelivery Delivery(string agent, params AgentEvent[] events) => new(0, Interlocked.Increment(ref _flush), events);

    private static AgentEvent Event(EventType type, string agent) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Type = type,
        Timestamp = Now.AddSeconds(-1),
        AgentId = agent,
        RunId = "run-" + agent,
    };

    [Fact]
    public async Task Entities_publish_their_rows_to_the_fleet_and_subscribers_are_pushed_the_changes()
    {
        var fleet = fixture.Client.GetGrain<IFleetGrain>(_project);
        var observer = new FleetObserver();
        var reference = fixture.Client.CreateObjectReference<IFleetObserver>(observer);
        await fleet.SubscribeAsync(reference);

        foreach (var agent in new[] { "a1", "a2" })
        {
            await fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, agent)).ApplyAsync(Delivery(agent,
                Event(EventType.RunStarted, agent),
                Event(EventType.LlmCall, agent) with { Model = "gpt-4o", CostNanos = Money.ToNanos(0.5) },
                Event(EventType.RunFinished, agent) with { Outcome = RunOutcome.Success }));
        }

        await Eventually.AssertAsync(async () => Assert.Equal(["a1", "a2"], (await fleet.GetAsync(EntityKind.Agent)).Select(r => r.Id).Order()));
        var row = (await fleet.GetAsync(EntityKind.Agent)).Single(r => r.Id == "a1");
        Assert.Equal(0.5, row.CostPerHour, 9);
        Assert.Equal(1, row.Runs);
        Assert.Equal(0.5, row.CostPerSuccessfulRun, 9);
        Assert.Equal(12, row.CostTrend.Count);
        Assert.Equal(0.5, row.CostTrend.Sum(), 9);
        await Eventually.AssertAsync(() => Assert.Contains(observer.Changed, r => r.Id == "a2"));
    }

    [Fact]
    public async Task A_subscribed_dashboard_is_told_when_an_entity_changes()
    {
        var agent = fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "watched"));
        var observer = new EntityObserver();
        await agent.SubscribeAsync(fixture.Client.CreateObjectReference<IEntityObserver>(observer));

        await agent.ApplyAsync(Delivery("watched", Event(EventType.ToolCall, "watched") with { Tool = "search" }));

        await Eventually.AssertAsync(() => Assert.Contains(("Agent", "watched"), observer.Notices));
        var series = await agent.GetSeriesAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(6, series.Count);
        Assert.Equal(1, series.Sum(p => p.Metrics.ToolCalls));
    }

    [Fact]
    public async Task A_subscribed_dashboard_is_told_of_every_alert_change()
    {
        var board = fixture.Client.GetGrain<IAlertBoardGrain>(_project);
        var observer = new AlertObserver();
        await board.SubscribeAsync(fixture.Client.CreateObjectReference<IAlertObserver>(observer));

        await fixture.Client.GetGrain<IAgentGrain>(GrainKeys.For(_project, "rogue")).ApplyAsync(Delivery("rogue",
            Event(EventType.ToolCall, "rogue") with { Tool = "rm", Status = CallStatus.Denied, Violations = ["denied by the agent's sandbox"] }));

        await Eventually.AssertAsync(() => Assert.Contains(observer.Alerts, a => a.RuleId == "tool-outside-allowlist" && a.State == AlertState.Firing));
    }

    private sealed class FleetObserver : IFleetObserver
    {
        public ConcurrentBag<EntitySummary> Changed { get; } = [];

        public void OnFleetChanged(IReadOnlyList<EntitySummary> changed)
        {
            foreach (var row in changed)
            {
                Changed.Add(row);
            }
        }
    }

    private sealed class EntityObserver : IEntityObserver
    {
        public ConcurrentBag<(string, string)> Notices { get; } = [];

        public void OnEntityChanged(EntityKind kind, string entityId) => Notices.Add((kind.ToString(), entityId));
    }

    private sealed class AlertObserver : IAlertObserver
    {
        public ConcurrentBag<AlertView> Alerts { get; } = [];

        public void OnAlertChanged(AlertView alert) => Alerts.Add(alert);
    }
}
