using System.Text.Json.Nodes;

namespace AgentOps.Deploy.Tests;

/// <summary>
/// Builds, lints and builds the parameters of everything under azure/ once per test run (four CLI runs) into a
/// temporary folder, and exposes the results and the compiled templates to the tests.
/// </summary>
public sealed class BicepOutputs : IAsyncLifetime
{
    private const string BicepPattern = "azure/**/*.bicep";
    private const string ParamsPattern = "azure/*.bicepparam";

    private readonly string _outputRoot = Path.Combine(Path.GetTempPath(), $"agentops-bicep-{Guid.NewGuid():N}");
    private ArmTemplate? _main;

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal BicepRun BuildParams { get; private set; } = null!;

    internal BicepRun LintParams { get; private set; } = null!;

    /// <summary>Every .bicep file under azure/, relative to azure/ with '/' separators.</summary>
    internal IReadOnlyList<string> BicepFiles { get; } = Files("*.bicep");

    /// <summary>Every .bicepparam file under azure/.</summary>
    internal IReadOnlyList<string> ParamFiles { get; } = Files("*.bicepparam");

    internal string BuildDirectory => Path.Combine(_outputRoot, "build");

    internal string ParamsDirectory => Path.Combine(_outputRoot, "params");

    /// <summary>The compiled main.bicep.</summary>
    internal ArmTemplate Main => _main ?? throw new InvalidOperationException($"main.bicep did not compile: {Build}");

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(Repo.Root, "build", "--pattern", BicepPattern, "--outdir", BuildDirectory);
        Lint = await BicepCli.RunAsync(Repo.Root, "lint", "--pattern", BicepPattern);
        BuildParams = await BicepCli.RunAsync(Repo.Root, "build-params", "--pattern", ParamsPattern, "--outdir", ParamsDirectory);
        LintParams = await BicepCli.RunAsync(Repo.Root, "lint", "--pattern", ParamsPattern);
        var main = Path.Combine(BuildDirectory, "main.json");
        if (File.Exists(main))
        {
            _main = new ArmTemplate(JsonNode.Parse(await File.ReadAllTextAsync(main))!.AsObject());
        }
    }

    /// <summary>The parameter values of a compiled .bicepparam file (e.g. "main.dev").</summary>
    internal JsonObject Parameters(string name)
    {
        var path = Path.Combine(ParamsDirectory, $"{name}.json");
        Assert.True(File.Exists(path), $"{name}.bicepparam did not compile: {BuildParams}");
        return JsonNode.Parse(File.ReadAllText(path))!["parameters"]!.AsObject();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_outputRoot))
        {
            Directory.Delete(_outputRoot, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string[] Files(string pattern) =>
        [.. Directory.EnumerateFiles(Repo.Azure, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Azure, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}

/// <summary>The tests that read the compiled templates share one <see cref="BicepOutputs"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepOutputs>
{
    public const string Name = "bicep";
}
