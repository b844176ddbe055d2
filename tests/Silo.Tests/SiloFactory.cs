using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Silo.Tests;

/// <summary>
/// The real silo (Orleans + HTTP API, Local profile) in process, on free Orleans ports, with keys for two projects and a
/// movable monitoring clock. Shared by one collection; tests use random ids.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    public const string AlphaAdmin = "alpha-admin-key-0000000001";
    public const string AlphaIngest = "alpha-ingest-key-000000001";
    public const string AlphaRead = "alpha-read-key-00000000001";
    public const string BetaAdmin = "beta-admin-key-00000000001";
    public const string FloodAdmin = "flood-admin-key-0000000001";

    /// <summary>A project with a tiny rate limit (10 requests per second per key), for the rate-limit tests.</summary>
    public const string FloodProject = "flood";

    /// <summary>Admin keys of projects kept for one test each, where project-wide settings (rules, channels) must not leak.</summary>
    public static readonly IReadOnlyList<string> IsolatedAdmins = [.. Enumerable.Range(1, 128).Select(i => $"isolated-admin-key-{i:00000000}")];

    /// <summary>The monitoring clock, starting mid-minute so tests do not sit on a bucket edge.</summary>
    public FakeTimeProvider Clock { get; } = new(StartTime());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("AgentOps:Ingest:FlushInterval", "00:00:00.010");
        builder.UseSetting("AgentOps:Rules:RefreshInterval", "00:00:00.100");
        builder.UseSetting("AgentOps:Rules:JudgeInterval", "00:00:00.100");
        builder.UseSetting("AgentOps:Notifications:RetryBaseDelay", "00:00:00.050");
        builder.UseSetting("AgentOps:Metrics:TopAgents", "3");
        builder.UseSetting("AgentOps:RateLimits:AnonymousRequestsPerSecond", "100000");
        builder.UseSetting("AgentOps:Notifications:AllowedTargets:0", "127.0.0.1"); // the tests' webhook receivers; 127.0.0.2 and the rest stay refused
        builder.UseSetting($"AgentOps:RateLimits:Projects:{FloodProject}:RequestsPerSecond", "10");
        builder.UseSetting($"AgentOps:RateLimits:Projects:{FloodProject}:Burst", "10");
        builder.UseSetting("AgentOps:Trajectories:SampleRate", "1"); // tests read the steps of ordinary runs; sampling has its own tests
        var keys = new[] { ("alpha", "admin", AlphaAdmin), ("alpha", "ingest", AlphaIngest), ("alpha", "read", AlphaRead), ("beta", "admin", BetaAdmin), (FloodProject, "admin", FloodAdmin) }
            .Concat(IsolatedAdmins.Select((key, i) => ($"isolated-{i + 1}", "admin", key))).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"AgentOps:Keys:{i}:Project", keys[i].Item1);
            builder.UseSetting($"AgentOps:Keys:{i}:Role", keys[i].Item2);
            builder.UseSetting($"AgentOps:Keys:{i}:Key", keys[i].Item3);
        }

        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(AgentOpsClock.Key, Clock));
    }

    private int _nextIsolated;

    /// <summary>An admin client of a project no other test uses.</summary>
    public HttpClient IsolatedProjectClient() =>
        Interlocked.Increment(ref _nextIsolated) - 1 is var next && next < IsolatedAdmins.Count
            ? ClientWithKey(IsolatedAdmins[next])
            : throw new InvalidOperationException($"More than {IsolatedAdmins.Count} tests asked for a project of their own: raise the count of IsolatedAdmins.");

    /// <summary>An HTTP client that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWithKey(string? key = AlphaAdmin)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static DateTimeOffset StartTime()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 30, TimeSpan.Zero);
    }

}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFactory>
{
    public const string Name = "silo";
}
