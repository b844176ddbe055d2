using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Security.Local;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AgentOps.Dashboard.Tests.Security;

public sealed class DevUserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agentops-dashboard-").FullName;
    private readonly FakeLogger _log = new();

    [Fact]
    public void In_development_without_users_a_dev_user_gets_a_generated_password_kept_in_a_private_file()
    {
        var options = new DashboardOptions { Projects = ["default", "staging"] };

        var first = LocalUserDirectory.Create(options, new SignInOptions(), Environment("Development"), _log);
        var file = Path.Combine(_root, ".agentops", "dev-password");
        var password = File.ReadAllText(file).Trim();
        var second = LocalUserDirectory.Create(options, new SignInOptions(), Environment("Development"), _log);

        Assert.True(password.Length >= 20);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var dev = first.Find("dev")!;
        Assert.True(PasswordHashing.Verify(dev.PasswordHash, password));
        Assert.True(PasswordHashing.Verify(second.Find("dev")!.PasswordHash, password)); // generated once, read back
        Assert.Equal(ProjectRole.Admin, dev.Grants.RoleIn("staging"));
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Message.Contains("Development user 'dev'", StringComparison.Ordinal) && r.Message.Contains(file, StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Collector.GetSnapshot(), r => r.Message.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_development_without_users_nobody_can_sign_in_and_the_log_says_so()
    {
        var users = LocalUserDirectory.Create(new DashboardOptions(), new SignInOptions(), Environment("Production"), _log);

        Assert.Equal(0, users.Count);
        Assert.Null(users.Find("dev"));
        Assert.False(File.Exists(Path.Combine(_root, ".agentops", "dev-password")));
        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Contains("nobody can sign in", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_users_configured_there_is_no_dev_user_even_in_development()
    {
        var options = new DashboardOptions { Users = [new() { Name = "ana", PasswordHash = PasswordHashing.Hash("a long enough password"), Projects = new() { ["default"] = "admin" } }] };

        var users = LocalUserDirectory.Create(options, new SignInOptions(), Environment("Development"), _log);

        Assert.Equal(1, users.Count);
        Assert.Null(users.Find("dev"));
        Assert.False(File.Exists(Path.Combine(_root, ".agentops", "dev-password")));
    }

    [Fact]
    public void Misconfigured_users_stop_the_start()
    {
        var options = new DashboardOptions { Users = [new() { Name = "ana", PasswordHash = "secret" }] };

        var error = Assert.Throws<InvalidOperationException>(() => LocalUserDirectory.Create(options, new SignInOptions(), Environment("Production"), _log));
        Assert.Contains("not an ASP.NET Core Identity V3 hash", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private HostEnvironment Environment(string name) => new(name, _root);

    private sealed class HostEnvironment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "AgentOps.Dashboard";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
