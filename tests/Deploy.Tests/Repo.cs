using System.Reflection;

namespace AgentOps.Deploy.Tests;

/// <summary>Where the repository and the Bicep CLI are; both paths are baked in at build time (Deploy.Tests.csproj).</summary>
internal static class Repo
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Azure { get; } = Path.Combine(Root, "azure");

    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; build through Deploy.Tests.csproj.");
}
