// This project only carries the Bicep CLI package (see Bicep.csproj); running it prints where the CLI is.
var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
Console.WriteLine(Path.Combine(packages, "azure.bicep.commandline.linux-x64", "0.49.2", "tools", "bicep"));
