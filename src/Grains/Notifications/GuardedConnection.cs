using System.Net;
using System.Net.Sockets;

namespace AgentOps.Notifications;

/// <summary>
/// The notification client's connect step: resolves the host itself and connects only to an address the
/// <see cref="OutboundTargetPolicy"/> allows, so a name that resolves to an internal address after the channel was
/// checked (DNS rebinding) or a redirect cannot reach one either.
/// </summary>
public static class GuardedConnection
{
    public static SocketsHttpHandler Handler(OutboundTargetPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = (context, cancel) => ConnectAsync(policy, context.DnsEndPoint, cancel),
    };

    private static async ValueTask<Stream> ConnectAsync(OutboundTargetPolicy policy, DnsEndPoint endpoint, CancellationToken cancel)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancel);
        var allowed = policy.IsAllowedHost(endpoint.Host) ? addresses : addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused to connect to '{endpoint.Host}': it resolves only to internal addresses ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
