using System.Security.Cryptography;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// The development user's password: generated once into a git-ignored file (like the silo's development key), read
/// back on every start, so <c>run.sh</c> can print it and the person keeps the same one.
/// </summary>
public static class DevPassword
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var password = "aog-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, password + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }
}
