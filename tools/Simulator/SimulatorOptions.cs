using System.Globalization;

namespace AgentOps.Simulator;

/// <summary>The command line: <c>--url http://127.0.0.1:5000 [--key K] [--backfill-hours 48] [--agents 20] [--users 200] [--rate 1.0] [--seed N] [--once]</c>.</summary>
public sealed record SimulatorOptions
{
    public const string Usage = """
        usage: dotnet run --project tools/Simulator -- [--url http://127.0.0.1:5000] [--key KEY] [--project-key-file PATH]
                 [--backfill-hours 48] [--agents 20] [--users 200] [--rate 1.0] [--seed 42] [--once]
          --url             the silo's HTTP API (default http://127.0.0.1:5000)
          --key             an ingest or admin key (default: src/Silo/.agentops/dev-key, found from the current directory upwards)
          --backfill-hours  hours of history posted at start, so baselines exist (0-168, default 48)
          --agents          background agents besides the three stories (default 20)
          --users           end users (default 200)
          --rate            live traffic multiplier (default 1.0: a run every few seconds per busy agent)
          --seed            random seed (default: time-based)
          --once            post the backfill and one minute of live traffic, then exit
        Ctrl-C stops cleanly.
        """;

    public Uri Url { get; init; } = new("http://127.0.0.1:5000");
    public string? Key { get; init; }
    public int BackfillHours { get; init; } = 48;
    public int Agents { get; init; } = 20;
    public int Users { get; init; } = 200;
    public double Rate { get; init; } = 1.0;
    public int? Seed { get; init; }
    public bool Once { get; init; }

    public static SimulatorOptions Parse(string[] args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(Next(), UriKind.Absolute) },
                "--key" => options with { Key = Next() },
                "--backfill-hours" => options with { BackfillHours = Range(int.Parse(Next(), CultureInfo.InvariantCulture), 0, 168, "--backfill-hours") },
                "--agents" => options with { Agents = Range(int.Parse(Next(), CultureInfo.InvariantCulture), 0, 1000, "--agents") },
                "--users" => options with { Users = Range(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 100_000, "--users") },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--once" => options with { Once = true },
                "-h" or "--help" => throw new HelpRequestedException(),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    /// <summary>The development key the silo generated (Local profile), found from <paramref name="directory"/> upwards.</summary>
    public static string? FindDevelopmentKey(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Silo", ".agentops", "dev-key");
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }
        }

        return null;
    }

    private static int Range(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentException($"{name} must be between {min} and {max}");

    public sealed class HelpRequestedException : Exception;
}
