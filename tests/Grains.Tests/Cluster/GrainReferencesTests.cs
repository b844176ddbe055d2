using AgentOps.Entities;
using AgentOps.Policy;

namespace AgentOps.Grains.Tests.Cluster;

/// <summary>The cached <c>Reference</c> builds the same grain ids Orleans' <c>GetGrain</c> does, and calls reach those grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public void References_equal_Orleans_own_for_every_key_and_interface()
    {
        foreach (var key in new[] { "p1/agent-1", "p1/agent-2", "p2/agent-1" })
        {
            Assert.Equal(fixture.Client.GetGrain<IAgentGrain>(key), fixture.Client.Reference<IAgentGrain>(key));
            Assert.Equal(fixture.Client.GetGrain<IUserGrain>(key), fixture.Client.Reference<IUserGrain>(key));
        }

        Assert.NotEqual(((GrainReference)fixture.Client.Reference<IAgentGrain>("p/x")).GrainId, ((GrainReference)fixture.Client.Reference<IUserGrain>("p/x")).GrainId);
    }

    [Fact]
    public async Task A_call_through_a_reference_reaches_the_grain_GetGrain_reaches()
    {
        var project = "refs" + Guid.NewGuid().ToString("N")[..8];
        var key = GrainKeys.For(project, "agent-7");
        var policy = new AutonomyPolicy { AllowedTools = ["read_file"] };
        await fixture.Client.Reference<IAgentGrain>(key).SetPolicyAsync(policy);

        var stored = await fixture.Client.GetGrain<IAgentGrain>(key).GetPolicyAsync();

        Assert.Equal(["read_file"], stored!.AllowedTools);
    }
}
