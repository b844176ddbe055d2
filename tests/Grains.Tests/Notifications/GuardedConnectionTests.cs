using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentOps.Notifications;

namespace AgentOps.Grains.Tests.Notifications;

/// <summary>
/// The notification client's own connect step against a real local server: an internal address is refused when the
/// connection is made, whatever the URL said (a name resolving to loopback, as after DNS rebinding), unless allowed.
/// </summary>
public sealed class GuardedConnectionTests : IAsyncLifetime
{
    private readonly TcpListener _server = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    private int Port => ((IPEndPoint)_server.LocalEndpoint).Port;

    public Task InitializeAsync()
    {
        _server.Start();
        _ = ServeAsync();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _stop.Cancel();
        _server.Stop();
        return Task.CompletedTask;
    }

    /// <summary>A minimal HTTP server: every request gets 200 "reached".</summary>
    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var connection = await _server.AcceptTcpClientAsync(_stop.Token);
            var stream = connection.GetStream();
            var buffer = new byte[4096];
            _ = await stream.ReadAsync(buffer, _stop.Token);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nreached"), _stop.Token);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task An_internal_target_is_refused_at_connect_time(string host)
    {
        using var client = new HttpClient(GuardedConnection.Handler(new OutboundTargetPolicy([])));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync($"http://{host}:{Port}/"));

        Assert.Contains("Refused to connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allowed_internal_target_is_reached_and_redirects_are_not_followed()
    {
        using var client = new HttpClient(GuardedConnection.Handler(new OutboundTargetPolicy(["127.0.0.0/8"])));
        Assert.Equal("reached", await client.GetStringAsync($"http://127.0.0.1:{Port}/"));
        Assert.False(GuardedConnection.Handler(new OutboundTargetPolicy([])).AllowAutoRedirect);
    }

    [Theory]
    [InlineData("169.254.169.254", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("203.0.113.9", true)]
    [InlineData("2606:4700::1111", true)]
    public void Addresses_are_judged_by_range(string address, bool allowed)
    {
        Assert.Equal(allowed, new OutboundTargetPolicy([]).IsAllowed(IPAddress.Parse(address)));
    }
}
