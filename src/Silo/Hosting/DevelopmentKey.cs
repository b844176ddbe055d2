using System.Security.Cryptography;
using AgentOps.Silo.Security;

namespace AgentOps.Silo.Hosting;

/// <summary>
/// In the Local profile with no key configured, makes an admin key for project <c>default</c> so a newcomer can call
/// the API at once: generated once, kept in a git-ignored file (<see cref="AgentOpsOptions.DevKeyFile"/>), printed at start.
/// </summary>
public static class DevelopmentKey
{
    public const string Project = "default";

    public static WebApplicationBuilder AddDevelopmentKeyWhenNoneConfigured(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AgentOpsOptions.Section).Get<AgentOpsOptions>() ?? new AgentOpsOptions();
        var configured = builder.Configuration.GetSection($"{ApiKeyOptions.Section}:Keys").GetChildren().Any();
        if (options.Profile != StorageProfile.Local || configured)
        {
            return builder;
        }

        var path = Path.GetFullPath(options.DevKeyFile);
        string key;
        if (File.Exists(path))
        {
            key = File.ReadAllText(path).Trim();
        }
        else
        {
            key = "aog_dev_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key + Environment.NewLine);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ApiKeyOptions.Section}:Keys:0:Project"] = Project,
            [$"{ApiKeyOptions.Section}:Keys:0:Role"] = Roles.Admin,
            [$"{ApiKeyOptions.Section}:Keys:0:Key"] = key,
        });
        Console.WriteLine($"AgentOps development key (project '{Project}', role admin): {key}");
        Console.WriteLine($"  kept in {path}; configure AgentOps:Keys to use your own keys instead.");
        return builder;
    }
}
