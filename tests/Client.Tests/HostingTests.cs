using AgentOps.Client.ChatClients;
using AgentOps.Client.Events;
using AgentOps.Client.Hosting;
using AgentOps.Client.Http;
using AgentOps.Client.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Client.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task AddAgentOpsClient_registers_the_client_the_typed_http_client_and_a_hosted_service_that_flushes_on_stop()
    {
        await using var server = await FakeAgentOpsServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAgentOpsClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = "di-key";
            o.AgentId = "di-agent";
            o.FlushInterval = TimeSpan.FromHours(1);
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AgentOpsClient>();
        Assert.Same(client, provider.GetRequiredService<AgentOpsClient>());
        Assert.NotNull(provider.GetRequiredService<AgentOpsApiClient>());
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);

        var model = new FakeChatClient(time).Then(Turn.Answer(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { ModelId = "gpt-4o" }, 3));
        using var chat = new ChatClientBuilder(model).UseAgentOps().Build(provider);
        using (var run = client.StartRun(runId: "run-di"))
        {
            await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
            run.Finish(RunOutcome.Success);
        }

        Assert.Empty(server.EventRequests); // the batch window is an hour of fake time
        using (var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await hosted.StopAsync(hangGuard.Token);
        }

        var request = Assert.Single(server.EventRequests);
        Assert.Equal("Bearer di-key", request.Authorization);
        Assert.Equal(["run_started", "llm_call", "run_finished"], request.Events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(request.Events, e => Assert.Equal("di-agent", e.GetProperty("agentId").GetString()));
        Assert.Equal(3, client.Counters.Delivered);
    }

    [Fact]
    public async Task Disposing_the_container_sends_what_was_tracked_after_the_hosts_flush()
    {
        await using var server = await FakeAgentOpsServer.StartAsync();
        var services = new ServiceCollection();
        services.AddAgentOpsClient(o =>
        {
            (o.BaseAddress, o.ApiKey, o.AgentId) = (server.BaseAddress, "k", "di-agent");
            (o.FlushInterval, o.ShutdownTimeout) = (TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
        });
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AgentOpsClient>();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);
        client.Track(new RunStartedEvent { RunId = "late" });
        await hosted.StopAsync(CancellationToken.None);

        // Tracked after the host's flush, e.g. by a hosted service that stops after it: the container's dispose sends it.
        client.Track(new RunFinishedEvent(RunOutcome.Success) { RunId = "late" });
        await provider.DisposeAsync();

        Assert.Equal(2, client.Counters.Delivered);
        Assert.Equal(["run_started", "run_finished"], server.EventRequests.SelectMany(r => r.Events).Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public void Invalid_options_fail_validation()
    {
        var services = new ServiceCollection();
        services.AddAgentOpsClient(o => (o.BaseAddress, o.MaxBatchSize) = (new Uri("http://127.0.0.1:5000"), 0));
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AgentOpsClient>());

        var noAddress = new ServiceCollection();
        noAddress.AddAgentOpsClient(o => o.ApiKey = "k");
        using var noAddressProvider = noAddress.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => noAddressProvider.GetRequiredService<AgentOpsClient>());
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_past_a_day_are_refused_before_they_can_stop_a_timer()
    {
        Assert.Empty(new AgentOpsClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000") }.Validate());
        foreach (var set in new Action<AgentOpsClientOptions>[]
        {
            o => o.RequestTimeout = TimeSpan.MaxValue,
            o => o.FlushInterval = TimeSpan.FromDays(2),
            o => o.GuardTimeout = TimeSpan.MaxValue,
            o => o.ShutdownTimeout = Timeout.InfiniteTimeSpan,
            o => o.MaxRetryDelay = TimeSpan.MaxValue,
            o => o.MaxRetryAfter = TimeSpan.FromDays(60),
            o => o.DropLogInterval = TimeSpan.MaxValue,
        })
        {
            var options = new AgentOpsClientOptions { BaseAddress = new Uri("http://127.0.0.1:5000") };
            set(options);
            Assert.Single(options.Validate());
        }
    }

    [Fact]
    public void UseAgentOps_without_a_registered_client_says_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ChatClientBuilder(new FakeChatClient(new FakeTimeProvider())).UseAgentOps().Build());
        Assert.Contains("AddAgentOpsClient", error.Message, StringComparison.Ordinal);
    }
}
