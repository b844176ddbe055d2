using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Client.Tests.Infrastructure;

/// <summary>A fake server, a fake clock and a client pointed at them, disposed together.</summary>
public sealed class ClientFixture : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private ClientFixture(FakeAgentOpsServer server, FakeTimeProvider time, AgentOpsClient client, ListLoggerFactory logs)
    {
        Server = server;
        Time = time;
        Client = client;
        Logs = logs;
    }

    public FakeAgentOpsServer Server { get; }

    public FakeTimeProvider Time { get; }

    public AgentOpsClient Client { get; }

    public ListLoggerFactory Logs { get; }

    /// <summary>
    /// Starts a server and a client with a fake clock (batch windows of an hour unless <paramref name="configure"/> says
    /// otherwise, so only size, flush and disposal send).
    /// </summary>
    public static async Task<ClientFixture> StartAsync(Action<AgentOpsClientOptions>? configure = null, Action<FakeAgentOpsServer>? setUp = null)
    {
        var server = await FakeAgentOpsServer.StartAsync();
        setUp?.Invoke(server);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new AgentOpsClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = ApiKey,
            AgentId = "agent-1",
            FlushInterval = TimeSpan.FromHours(1),
        };
        configure?.Invoke(options);
        var logs = new ListLoggerFactory();
        return new ClientFixture(server, time, new AgentOpsClient(options, timeProvider: time, loggerFactory: logs), logs);
    }

    /// <summary>Flushes the client; a flush that never completes fails the test instead of hanging it.</summary>
    public async Task FlushAsync()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Client.FlushAsync(hangGuard.Token);
    }

    /// <summary>Advances the fake clock by <paramref name="step"/> on every try until <paramref name="assertion"/> holds.</summary>
    public Task AdvanceUntilAsync(TimeSpan step, Action assertion) =>
        Eventually.AssertAsync(() =>
        {
            Time.Advance(step);
            assertion();
        });

    public async ValueTask DisposeAsync()
    {
        Server.ReleaseHung();
        var dispose = Client.DisposeAsync().AsTask();
        while (!dispose.IsCompleted)
        {
            // Retry delays and the shutdown timeout run on the fake clock.
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(dispose, Task.Delay(10));
        }

        await dispose;
        await Server.DisposeAsync();
    }
}
