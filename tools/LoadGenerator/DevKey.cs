namespace AgentOps.LoadGenerator;

/// <summary>The development key the silo (or run.sh) generated, found from the current directory or any parent.</summary>
public static class DevKey
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Silo", ".agentops", "dev-key");
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }
        }

        throw new InvalidOperationException("Pass --key: no src/Silo/.agentops/dev-key was found.");
    }
}
