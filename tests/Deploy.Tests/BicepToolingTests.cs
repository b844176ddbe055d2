using System.Text.Json;

namespace AgentOps.Deploy.Tests;

/// <summary>bicep build, lint and build-params pass with zero warnings on everything under azure/, and the gate is real.</summary>
[Collection(BicepCollection.Name)]
public sealed class BicepToolingTests(BicepOutputs bicep)
{
    /// <summary>The one rule left off in azure/bicepconfig.json, with its reason written next to it there.</summary>
    private static readonly string[] RulesNotRaised = ["use-recent-api-versions"];

    [Fact]
    public void Every_bicep_file_builds_without_a_diagnostic()
    {
        Assert.True(bicep.Build.Clean, bicep.Build.ToString());
        Assert.Contains("main.bicep", bicep.BicepFiles);
        foreach (var file in bicep.BicepFiles)
        {
            Assert.True(File.Exists(Path.Combine(bicep.BuildDirectory, Path.ChangeExtension(file, ".json"))), $"{file} was not built");
        }
    }

    [Fact]
    public void Every_bicep_file_lints_without_a_diagnostic() =>
        Assert.True(bicep.Lint.Clean, bicep.Lint.ToString());

    [Fact]
    public void Every_parameter_file_builds_and_lints_without_a_diagnostic()
    {
        Assert.Equal(["main.dev.bicepparam", "main.prod.bicepparam"], bicep.ParamFiles);
        Assert.True(bicep.BuildParams.Clean, bicep.BuildParams.ToString());
        Assert.True(bicep.LintParams.Clean, bicep.LintParams.ToString());
        foreach (var file in bicep.ParamFiles)
        {
            Assert.True(File.Exists(Path.Combine(bicep.ParamsDirectory, Path.ChangeExtension(file, ".json"))), $"{file} was not built");
        }
    }

    [Fact]
    public void Bicepconfig_raises_every_linter_rule_to_error()
    {
        using var config = JsonDocument.Parse(Repo.ReadText("azure/bicepconfig.json"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules").EnumerateObject().ToList();

        Assert.True(rules.Count >= 40, $"only {rules.Count} rules are configured");
        foreach (var rule in rules.Where(r => !RulesNotRaised.Contains(r.Name)))
        {
            Assert.True(rule.Value.GetProperty("level").GetString() == "error", $"{rule.Name} is not an error");
        }
    }

    [Fact]
    public async Task A_linter_finding_fails_lint_with_this_bicepconfig()
    {
        using var scratch = new ScratchAzureFolder();
        scratch.Write("unused.bicep", "param unused string\n");

        var lint = await BicepCli.RunAsync(scratch.Path, "lint", "unused.bicep");

        Assert.NotEqual(0, lint.ExitCode);
        Assert.Contains("no-unused-params", lint.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiler_warning_is_caught_even_though_bicep_exits_zero()
    {
        using var scratch = new ScratchAzureFolder();
        scratch.Write("typo.bicep", """
            param location string = resourceGroup().location

            resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
              name: 'kv-typo'
              location: location
              properties: {
                tenantId: tenant().tenantId
                sku: {
                  family: 'A'
                  name: 'standard'
                }
                enableRbacAuthorisation: true
              }
            }

            """);

        var build = await BicepCli.RunAsync(scratch.Path, "build", "typo.bicep", "--stdout");

        Assert.Equal(0, build.ExitCode);
        Assert.False(build.Clean, build.ToString());
    }

    /// <summary>A temporary folder with a copy of azure/bicepconfig.json, for files that must fail.</summary>
    private sealed class ScratchAzureFolder : IDisposable
    {
        public ScratchAzureFolder()
        {
            Directory.CreateDirectory(Path);
            File.Copy(System.IO.Path.Combine(Repo.Azure, "bicepconfig.json"), System.IO.Path.Combine(Path, "bicepconfig.json"));
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"agentops-bicep-scratch-{Guid.NewGuid():N}");

        public void Write(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
