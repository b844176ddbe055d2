using System.Net;
using System.Net.Sockets;

namespace AgentOps.Tests;

/// <summary>
/// Ports for the servers the tests start (silos, Azurite, the dashboard). Not the kernel's pick for port 0: it hands
/// the same ephemeral range to outgoing connections (a silo opens many to Azurite), so such a port could be taken
/// before the server binds it. These come from below that range, in sequence from a random start per test process,
/// each checked free on every interface when handed out.
/// </summary>
internal static class FreePorts
{
    private const int First = 20_000;
    private const int Count = 12_000; // up to 31,999; Linux's ephemeral range starts at 32,768

    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free TCP port between {First} and {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
