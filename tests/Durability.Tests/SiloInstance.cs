using System.Globalization;
using System.Net.Http.Headers;

namespace AgentOps.Durability.Tests;

/// <summary>A silo process in the AzureStorage profile, on its own ports, in a cluster and project of the test's.</summary>
internal sealed class SiloInstance : IDisposable
{
    public const string Key = "durability-test-admin-key-0001";

    private readonly string _connectionString;
    private readonly string _cluster;
    private readonly string _project;
    private readonly (int Http, int Silo, int Gateway) _ports = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
    private ChildProcess? _process;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary>A silo of <paramref name="cluster"/> on the storage of <paramref name="connectionString"/>, with an admin key of <paramref name="project"/>.</summary>
    /// <param name="connectionString">The Azure Storage (Azurite) connection string.</param>
    /// <param name="cluster">The cluster and service id.</param>
    /// <param name="project">The project of the admin key <see cref="Key"/>.</param>
    /// <param name="settings">More configuration, as environment variables (e.g. <c>AgentOps__Redaction__Enabled</c>).</param>
    public SiloInstance(string connectionString, string cluster, string project, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _cluster = cluster;
        _project = project;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public Uri Url => new($"http://127.0.0.1:{_ports.Http}");

    public string Output => _process?.Output ?? string.Empty;

    public string AllOutput => _process?.AllOutput ?? string.Empty;

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    /// <summary>Starts (or restarts, on the same ports) and waits until /health/ready answers 200.</summary>
    public async Task StartAsync()
    {
        _process?.Dispose();
        var environment = new Dictionary<string, string>
        {
            ["AgentOps__Profile"] = "AzureStorage",
            ["AgentOps__Storage__ConnectionString"] = _connectionString,
            ["AgentOps__Keys__0__Project"] = _project,
            ["AgentOps__Keys__0__Role"] = "admin",
            ["AgentOps__Keys__0__Key"] = Key,
            ["Orleans__ClusterId"] = _cluster,
            ["Orleans__ServiceId"] = _cluster,
            ["Orleans__SiloPort"] = _ports.Silo.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = _ports.Gateway.ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Warning",
            // Declare a killed silo dead in seconds, not the default half minute, so the survivors take over quickly.
            ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        };
        foreach (var (name, value) in _settings)
        {
            environment[name] = value;
        }

        _process = ChildProcess.Start("dotnet", [Repository.SiloDll, "--urls", Url.ToString()], Path.Combine(Repository.Root, "src", "Silo"), environment);
        await WaitReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException("The silo exited:\n" + _process.Output);
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The silo was not ready in time:\n" + Output);
    }

    public void KillHard() => _process?.KillHard();

    public void Stop() => _process?.Stop(TimeSpan.FromSeconds(30));

    public void Dispose() => _process?.Dispose();
}
