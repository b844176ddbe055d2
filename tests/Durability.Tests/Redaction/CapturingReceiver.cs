using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentOps.Durability.Tests.Redaction;

/// <summary>A webhook endpoint on a free local port that keeps every request it gets (headers and body) and answers 200.</summary>
internal sealed class CapturingReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public CapturingReceiver()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook");

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var received = new MemoryStream();
            var buffer = new byte[16 * 1024];
            stream.ReadTimeout = 5_000;
            while (!Complete(received))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }

            Requests.Enqueue(Encoding.UTF8.GetString(received.ToArray()));
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
        }
    }

    /// <summary>True once the headers and Content-Length bytes of body have arrived.</summary>
    private static bool Complete(MemoryStream received)
    {
        var text = Encoding.UTF8.GetString(received.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var header = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = header is null ? 0 : int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return received.Length - Encoding.UTF8.GetByteCount(text[..(end + 4)]) >= length;
    }
}
