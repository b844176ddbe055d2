namespace AgentOps.Durability.Tests;

/// <summary>
/// A private Azurite on free ports with its data in a temporary folder, so a test can stop it (a storage outage) and
/// start it again with the data intact, without disturbing any other test.
/// </summary>
internal sealed class AzuriteInstance : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _data = Directory.CreateTempSubdirectory("agentops-azurite-").FullName;
    private readonly (int Blob, int Queue, int Table) _ports = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
    private ChildProcess? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports.Queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports.Table}/devstoreaccount1;";

    public static async Task<AzuriteInstance> StartAsync()
    {
        var azurite = new AzuriteInstance();
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        if (!File.Exists(Repository.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {Repository.Azurite}: run ./test.sh (or npm ci in tools/azurite).");
        }

        _process = ChildProcess.Start(Repository.Azurite,
        [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--location", _data,
            "--blobHost", "127.0.0.1", "--blobPort", _ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], Repository.Root);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await ListeningAsync(_ports.Table) || !await ListeningAsync(_ports.Queue) || !await ListeningAsync(_ports.Blob))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException("Azurite did not start:\n" + _process.Output);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops Azurite: storage is gone until <see cref="StartAgainAsync"/>. Gracefully, because Azurite writes its data
    /// folder lazily and a killed Azurite forgets recent changes, which real Azure Storage never does.
    /// </summary>
    public void Stop() => _process?.Stop(TimeSpan.FromSeconds(15));

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<bool> ListeningAsync(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
