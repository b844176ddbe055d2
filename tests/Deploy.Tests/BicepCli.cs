using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AgentOps.Deploy.Tests;

/// <summary>What one run of the Bicep CLI printed and returned.</summary>
internal sealed partial record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Exit code 0 and not one diagnostic: compiler warnings (BCPxxx) do not change the exit code, so the text counts too.</summary>
    public bool Clean => ExitCode == 0 && !Diagnostic().IsMatch(StandardError) && !Diagnostic().IsMatch(StandardOutput);

    public override string ToString() => $"bicep {Command} exited {ExitCode}\n{StandardError}\n{StandardOutput}";

    [GeneratedRegex(@"\b(Warning|Error|Info)\b|BCP\d{3}")]
    private static partial Regex Diagnostic();
}

/// <summary>Runs the Bicep CLI from the NuGet package that restoring Deploy.Tests downloads.</summary>
internal static class BicepCli
{
    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        if (!File.Exists(Repo.BicepPath))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {Repo.BicepPath}; run `dotnet restore tests/Deploy.Tests`.");
        }

        // NuGet extracts the binary without the execute bit on some machines (the package is linux-x64 only).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Repo.BicepPath, File.GetUnixFileMode(Repo.BicepPath) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(Repo.BicepPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The parameter files read AGENTOPS_* variables; the tests check the committed defaults.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AGENTOPS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await output, await error);
    }
}
