using System.Reflection;

namespace AgentOps.Dashboard.Tests.EndToEnd;

/// <summary>Where the repository and the built silo and dashboard are.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (Debug or Release); the silo and dashboard are built alongside.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string SiloDirectory => Path.Combine(Root, "src", "Silo");

    public static string DashboardDirectory => Path.Combine(Root, "src", "Dashboard");

    public static string SiloDll => Built(SiloDirectory, "AgentOps.Silo.dll");

    public static string DashboardDll => Built(DashboardDirectory, "AgentOps.Dashboard.dll");

    /// <summary>
    /// Where the end-to-end run saves its screenshots: the test output folder, or the README's docs/screenshots when
    /// AGENTOPS_UPDATE_SCREENSHOTS=1 (so a test run never dirties the checkout by accident).
    /// </summary>
    public static string Screenshots => Environment.GetEnvironmentVariable("AGENTOPS_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(Root, "docs", "screenshots")
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built ({path}); build the solution first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentOpsGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("AgentOpsGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
