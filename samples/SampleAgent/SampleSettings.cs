namespace AgentOps.SampleAgent;

/// <summary>The command line: <c>--url</c>, <c>--key</c>, <c>--runs</c>, <c>--agent</c>.</summary>
internal sealed record SampleSettings(Uri Url, string? Key, int Runs, string AgentId)
{
    public const string Usage = """
        SampleAgent: runs a few fake agent runs through an IChatClient pipeline and reports them to AgentOpsGrains.
          --url URL      the silo (default http://127.0.0.1:5000)
          --key KEY      an ingest or admin key (default: src/Silo/.agentops/dev-key, found from the current directory upwards)
          --runs N       how many runs (default 4)
          --agent ID     the agent id (default sample-agent)
        """;

    public static SampleSettings? Parse(string[] args)
    {
        var url = new Uri("http://127.0.0.1:5000");
        string? key = null;
        var runs = 4;
        var agent = "sample-agent";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--url" when value is not null:
                    url = new Uri(value);
                    i++;
                    break;
                case "--key" when value is not null:
                    key = value;
                    i++;
                    break;
                case "--runs" when value is not null && int.TryParse(value, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--agent" when value is not null:
                    agent = value;
                    i++;
                    break;
                default:
                    return null;
            }
        }

        return new SampleSettings(url, key ?? FindDevKey(), runs, agent);
    }

    /// <summary>The development key <c>./run.sh</c> writes, searched from the current directory (then the program's) upwards.</summary>
    private static string? FindDevKey()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var file = Path.Combine(dir.FullName, "src", "Silo", ".agentops", "dev-key");
                if (File.Exists(file))
                {
                    return File.ReadAllText(file).Trim();
                }
            }
        }

        return null;
    }
}
