namespace AgentOps.Durability.Tests;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo built for this test run (same configuration as the tests).</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "AgentOps.Silo.dll");
        }
    }

    public static string Azurite => Path.Combine(Root, "tools", "azurite", "node_modules", ".bin", "azurite");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentOpsGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AgentOpsGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
