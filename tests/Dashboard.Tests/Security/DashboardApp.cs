using AgentOps.Dashboard.Security.Local;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace AgentOps.Dashboard.Tests.Security;

/// <summary>
/// The real dashboard (Program, its middleware and pages) in memory, without a cluster: the Orleans client is not
/// started, so requests exercise sign-in, headers and authorization only. Users: ana (admin of default), victor (viewer).
/// </summary>
public sealed class DashboardApp(
    string environment = "Development",
    bool withUsers = true,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AnasPassword = "ana's long password";
    public const string VictorsPassword = "victor's long password";

    private static readonly string AnasHash = PasswordHashing.Hash(AnasPassword);
    private static readonly string VictorsHash = PasswordHashing.Hash(VictorsPassword);

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("AgentOps:Dashboard:Projects:0", "default");
        builder.UseSetting("AgentOps:Dashboard:SignIn:MaxFailedAttempts", "3");
        // A dev password file, if any, goes to a temporary folder rather than the checkout.
        builder.UseSetting("AgentOps:Dashboard:SignIn:DevPasswordFile", Path.Combine(Path.GetTempPath(), $"agentops-dev-password-{Guid.NewGuid():N}"));
        if (withUsers)
        {
            builder.UseSetting("AgentOps:Dashboard:Users:0:Name", "ana");
            builder.UseSetting("AgentOps:Dashboard:Users:0:PasswordHash", AnasHash);
            builder.UseSetting("AgentOps:Dashboard:Users:0:Projects:default", "admin");
            builder.UseSetting("AgentOps:Dashboard:Users:1:Name", "victor");
            builder.UseSetting("AgentOps:Dashboard:Users:1:PasswordHash", VictorsHash);
            builder.UseSetting("AgentOps:Dashboard:Users:1:Projects:default", "viewer");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(testServices =>
        {
            testServices.AddFakeLogging();
            services?.Invoke(testServices);
            // The Orleans client would wait for a silo before the host finishes starting.
            var orleans = testServices.Where(d => d.ServiceType == typeof(IHostedService) && IsOrleans(d)).ToList();
            foreach (var descriptor in orleans)
            {
                testServices.Remove(descriptor);
            }
        });
    }

    /// <summary>The antiforgery token a page would give <paramref name="user"/> with these cookies (as the sign-out form carries it).</summary>
    public string TokenFor(string user, string cookieHeader)
    {
        using var scope = Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Cookie = cookieHeader;
        context.User = Services.GetRequiredService<LocalUserDirectory>().Find(user)!.ToPrincipal();
        return Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken!;
    }

    private static bool IsOrleans(ServiceDescriptor descriptor)
    {
        var type = descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType() ?? descriptor.ImplementationFactory?.Method.DeclaringType;
        return type?.Assembly.GetName().Name?.StartsWith("Orleans", StringComparison.Ordinal) == true;
    }
}
