using AgentOps.Entities;
using AgentOps.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static AgentOps.Grains.Tests.Model.Events;

namespace AgentOps.Grains.Tests.Model;

/// <summary>Grain state must survive the Orleans serializer exactly, or a restart silently changes the figures.</summary>
public sealed class StateSerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();
    private static readonly DeepCopier Copier = Services.GetRequiredService<DeepCopier>();

    public static TheoryData<string> Ways => ["serialize", "copy"];

    [Theory]
    [MemberData(nameof(Ways))]
    public void Agent_state_round_trips_with_its_windows_runs_and_violations(string way)
    {
        var now = new DateTimeOffset(2026, 3, 4, 12, 0, 30, TimeSpan.Zero);
        var state = new AgentGrainState();
        foreach (var e in new[] { Started("r1", now.AddMinutes(-3)), Llm("r1", now.AddMinutes(-2), 0.25), Tool("r1", now.AddMinutes(-1), violations: ["x"]), Finished("r1", now) })
        {
            state.Monitor.Apply(e, now);
        }

        state.Watermarks.TryAdvance(2, 7);
        state.Violations.Add(new Policy.ViolationRecord("e", "r1", "t", ToolAction.Write, null, ["x"], now, null, null));

        var copy = way == "copy" ? Copier.Copy(state) : Serializer.Deserialize<AgentGrainState>(Serializer.SerializeToArray(state))!;

        var before = state.Monitor.Snapshot("a", EntityKind.Agent, TimeSpan.FromDays(7), now);
        var after = copy.Monitor.Snapshot("a", EntityKind.Agent, TimeSpan.FromDays(7), now);
        Assert.Equal(before.Metrics, after.Metrics);
        Assert.Equal(before.ByModel, after.ByModel);
        Assert.Equal(before.LastEventAt, after.LastEventAt);
        Assert.Equal(1, copy.Monitor.Runs.Count);
        Assert.Single(copy.Violations.Newest(10));
        Assert.False(copy.Watermarks.TryAdvance(2, 7));
    }
}
