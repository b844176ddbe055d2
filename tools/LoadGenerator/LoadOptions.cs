using System.Globalization;

namespace AgentOps.LoadGenerator;

/// <summary>Command-line options; every one has a default so <c>dotnet run</c> alone measures something sensible.</summary>
public sealed record LoadOptions
{
    public string Mode { get; init; } = "http";
    public Uri Url { get; init; } = new("http://127.0.0.1:5000");
    public string? Key { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public int Rate { get; init; }
    public int Batch { get; init; } = 500;
    public int Agents { get; init; } = 1_000;
    public int Routes { get; init; } = 50;
    public int Users { get; init; } = 5_000;
    public int Concurrency { get; init; } = 8;
    public int Seed { get; init; } = 42;
    public int BaselineEvents { get; init; } = 1_000_000;
    public string Probes { get; init; } = "state";
    public int GuardRate { get; init; } = 2_000;
    public string PingUrl { get; init; } = "/health/live";
    public bool Verify { get; init; }
    public string Rules { get; init; } = "default";
    public bool Redaction { get; init; } = true;
    public bool Content { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--mode" => o with { Mode = Next() },
                "--url" => o with { Url = new Uri(Next()) },
                "--key" => o with { Key = Next() },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Int()) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(Int()) },
                "--rate" => o with { Rate = Int() },
                "--batch" => o with { Batch = Int() },
                "--agents" => o with { Agents = Int() },
                "--routes" => o with { Routes = Int() },
                "--users" => o with { Users = Int() },
                "--concurrency" => o with { Concurrency = Int() },
                "--seed" => o with { Seed = Int() },
                "--baseline-events" => o with { BaselineEvents = Int() },
                "--probes" => o with { Probes = Next() },
                "--guard-rate" => o with { GuardRate = Int() },
                "--ping-url" => o with { PingUrl = Next() },
                "--verify" => o with { Verify = true },
                "--rules" => o with { Rules = Next() },
                "--redaction" => o with { Redaction = Next() != "off" },
                "--content" => o with { Content = true },
                "-h" or "--help" => throw new HelpRequestedException(),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }

    public const string Usage = """
        usage: dotnet run --project tools/LoadGenerator -c Release -- [options]
          --mode http|otlp|baseline|memory|serve   http: post event batches to a running silo (default); otlp: post
                                        OTLP traces (GenAI spans; --batch = spans per request); baseline: parse and
                                        aggregate in process; memory: bytes per agent monitor with full windows; serve:
                                        answer GET / with 204 at --url and nothing else (a target for the ping probe)
          --url URL          silo base URL (default http://127.0.0.1:5000)
          --key KEY          API key with the ingest and read roles (default: src/Silo/.agentops/dev-key)
          --duration S       measured seconds (default 30), after --warmup S (default 5)
          --rate N           target events/s, 0 = as fast as the silo takes them (default 0)
          --batch N          events per request (default 500)
          --agents N --routes N --users N   population (default 1000, 50, 5000)
          --concurrency N    requests in flight (default 8)
          --baseline-events N   events the baseline processes (default 1,000,000)
          --probes LIST      what to measure during the load: state (event-to-state), alert (event-to-alert, with a
                             webhook receiver), guard (guard latency), ping (GET --ping-url), none; comma-separated
                             (default state)
          --guard-rate N     calls per second of the guard and ping probes (default 2000)
          --ping-url URL     what the ping probe gets: a path of the silo or an absolute URL (default /health/live)
          --verify           afterwards, check the silo counted exactly the events it acknowledged
          --rules none       remove the project's rules for the run (put back afterwards), to measure their cost
          --redaction off    baseline only: validate without redaction, to measure its cost (default on)
          --content          give model calls a ~1 KB answer and tool calls ~300 B of arguments (1% with an e-mail)
        """;

    public sealed class HelpRequestedException : Exception;
}
