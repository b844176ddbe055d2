using System.Globalization;
using System.Reflection;
using AgentOps.Entities;
using AgentOps.Events;
using AgentOps.Policy;
using AgentOps.Windows;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;

namespace AgentOps.Grains.Tests.Model;

/// <summary>
/// An Azure table entity holds at most 983,040 bytes of grain state (Orleans splits it over 15 properties of 64 KiB).
/// State that can grow past it must be stored as a blob (<see cref="StorageNames.LargeState"/>), or at its bounds its
/// checkpoints fail and its partitions' journals can never be truncated.
/// </summary>
public sealed class StateSizeTests(ITestOutputHelper output)
{
    private const int TableEntityMaxBytes = 15 * 64 * 1024;

    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void An_agent_at_every_bound_outgrows_a_table_entity_so_entity_state_is_stored_as_blobs()
    {
        var now = new DateTimeOffset(2026, 3, 4, 12, 0, 30, TimeSpan.Zero);
        var state = new AgentGrainState();
        var times = Enumerable.Range(0, 121).Select(m => now.AddMinutes(-m)).Concat(Enumerable.Range(2, 167).Select(h => now.AddHours(-h))).ToList();
        var models = Enumerable.Range(0, BucketRing.MaxKeys).Select(i => $"model-{i:00}-{new string('m', 40)}").ToList();
        var tools = Enumerable.Range(0, BucketRing.MaxKeys).Select(i => $"tool-{i:00}-{new string('t', 40)}").ToList();
        long id = 0;
        AgentEvent Event(EventType type, string run, DateTimeOffset at) =>
            new() { Id = (id++).ToString(CultureInfo.InvariantCulture), Type = type, Timestamp = at, AgentId = "agent", RunId = run, RouteId = "route", UserId = "user" };

        // Every bucket sees every model and tool; the ledger fills to its bound with run ids of the longest length allowed.
        foreach (var at in times)
        {
            var run = Guid.NewGuid().ToString();
            foreach (var model in models)
            {
                state.Monitor.Apply(Event(EventType.LlmCall, run, at) with { Model = model, InputTokens = 123_456, OutputTokens = 7_890, CostNanos = 1_234_567_890 }, now);
            }

            foreach (var tool in tools)
            {
                state.Monitor.Apply(Event(EventType.ToolCall, run, at) with { Tool = tool }, now);
            }

            state.Monitor.Apply(Event(EventType.RunFinished, run, at) with { Outcome = RunOutcome.Success }, now);
        }

        while (state.Monitor.Runs.Count < Runs.RunLedger.MaxRuns)
        {
            var run = Guid.NewGuid().ToString("N").PadRight(128, 'r');
            state.Monitor.Apply(Event(EventType.RunStarted, run, now), now);
            state.Monitor.Apply(Event(EventType.RunFinished, run, now) with { Outcome = RunOutcome.Success }, now);
        }

        for (var i = 0; i < ViolationLog.Capacity; i++)
        {
            state.Violations.Add(new ViolationRecord(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), "db_write", ToolAction.Write,
                "db:production.orders", ["tool 'db_write' is not in the allowlist", "target 'db:production.orders' is outside writeTargets"], now, "route", "user"));
        }

        for (var i = 0; i < Runs.RunCostHistory.Capacity; i++)
        {
            state.CostHistory.Add(1_234_567_890);
        }

        output.WriteLine($"windows {Serializer.SerializeToArray(state.Monitor.Windows).Length:N0}, ledger {Serializer.SerializeToArray(state.Monitor.Runs).Length:N0}, violations {Serializer.SerializeToArray(state.Violations).Length:N0}");
        var bytes = Serializer.SerializeToArray(state).Length;
        output.WriteLine($"agent state at every bound: {bytes:N0} bytes ({bytes * 100.0 / TableEntityMaxBytes:F0}% of a table entity)");
        Assert.True(bytes > TableEntityMaxBytes, $"{bytes:N0} bytes: the bounds shrank; entity state may fit a table again");
        foreach (var grain in new[] { typeof(AgentGrain), typeof(RouteGrain), typeof(UserGrain) })
        {
            var storage = grain.GetConstructors().Single().GetParameters()
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
                .Single(a => a?.StateName is "agent" or "route" or "user")!.StorageName;
            Assert.Equal(StorageNames.LargeState, storage);
        }
    }
}
