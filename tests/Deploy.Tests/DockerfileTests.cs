namespace AgentOps.Deploy.Tests;

/// <summary>
/// The Dockerfiles build from the repository root in stages, restore before copying sources, and run as a
/// non-root user on the chiseled ASP.NET image. (No Docker engine runs here; these read the text.)
/// </summary>
public sealed class DockerfileTests
{
    private const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string Runtime = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled";

    [Theory]
    [InlineData("src/Silo/Dockerfile", "src/Silo/Silo.csproj", "AgentOps.Silo.dll")]
    [InlineData("src/Dashboard/Dockerfile", "src/Dashboard/Dashboard.csproj", "AgentOps.Dashboard.dll")]
    public void Builds_with_the_sdk_and_runs_on_the_chiseled_runtime_as_non_root(string dockerfile, string project, string assembly)
    {
        var lines = Instructions(dockerfile);
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.True(stages.Count >= 2, "multi-stage");
        Assert.Contains(stages, s => s.StartsWith($"FROM {Sdk} AS build", StringComparison.Ordinal));
        Assert.StartsWith($"FROM {Runtime}", stages[^1], StringComparison.Ordinal);
        var final = lines.Skip(lines.LastIndexOf(stages[^1])).ToList();
        Assert.Contains("USER $APP_UID", final);
        Assert.Contains(final, l => l.StartsWith("EXPOSE ", StringComparison.Ordinal) && l.Split(' ').Contains("8080"));
        Assert.Contains("ENV ASPNETCORE_HTTP_PORTS=8080", final);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assembly}\"]", final);
        Assert.Contains(final, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"RUN dotnet publish {project} -c Release", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("src/Silo/Dockerfile", "src/Silo/Silo.csproj")]
    [InlineData("src/Dashboard/Dockerfile", "src/Dashboard/Dashboard.csproj")]
    public void Restores_from_the_project_files_before_the_sources_are_copied(string dockerfile, string project)
    {
        var lines = Instructions(dockerfile);
        var restore = lines.IndexOf($"RUN dotnet restore {project}");
        var sources = lines.LastIndexOf("COPY src/ src/");

        Assert.True(restore > 0, "restore step");
        Assert.True(sources > restore, "sources are copied after the restore layer");
        var props = lines.IndexOf("COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./");
        Assert.InRange(props, 0, restore - 1);
        Assert.Contains("RUN find src -type f ! -name '*.csproj' -delete", lines);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal) && l.Contains("--no-restore", StringComparison.Ordinal));
    }

    [Fact]
    public void Silo_image_declares_the_orleans_ports()
    {
        var expose = Assert.Single(Instructions("src/Silo/Dockerfile"), l => l.StartsWith("EXPOSE ", StringComparison.Ordinal));

        Assert.Equal(["EXPOSE", "8080", "11111", "30000"], expose.Split(' '));
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_local_data_out_of_the_context()
    {
        var ignored = Repo.ReadText(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.All(
            ["**/bin/", "**/obj/", "**/node_modules/", "**/TestResults/", "**/.agentops/", "**/.azurite/", ".git/"],
            pattern => Assert.Contains(pattern, ignored));
        Assert.DoesNotContain("src/", ignored);
        Assert.DoesNotContain("global.json", ignored);
    }

    /// <summary>The instructions of a Dockerfile, one per line, without comments and blank lines.</summary>
    private static List<string> Instructions(string path) =>
        [.. Repo.ReadText(path).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
