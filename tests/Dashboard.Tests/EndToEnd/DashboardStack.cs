using System.Collections.Concurrent;
using System.Net.Http.Headers;
using AgentOps.Dashboard.Security.Local;
using Microsoft.Playwright;

namespace AgentOps.Dashboard.Tests.EndToEnd;

/// <summary>
/// A real silo and a real dashboard, each its own process on free ports, joined in a cluster of their own, and a
/// headless Chromium (Debian's /usr/bin/chromium) to look at the dashboard. Two projects: <c>default</c> for the
/// stories, <c>fleet10k</c> for the 10,000-agent fleet. Three local users sign in: <see cref="Admin"/> (admin of both),
/// <see cref="Operator"/> and <see cref="Viewer"/> (of <c>default</c> only). Every page's console is watched for
/// Content-Security-Policy violations. Everything is killed on disposal, also after a failure.
/// </summary>
public sealed class DashboardStack : IAsyncLifetime
{
    public const string DefaultProject = "default";
    public const string LoadProject = "fleet10k";
    public const string Chromium = "/usr/bin/chromium";

    public const string Admin = "admin";
    public const string Operator = "olivia";
    public const string Viewer = "victor";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Each user's password; the dashboard is given only their hashes.</summary>
    private readonly Dictionary<string, string> _passwords = new()
    {
        [Admin] = "e2e-admin-" + Guid.NewGuid().ToString("N"),
        [Operator] = "e2e-operator-" + Guid.NewGuid().ToString("N"),
        [Viewer] = "e2e-viewer-" + Guid.NewGuid().ToString("N"),
    };

    private readonly ConcurrentDictionary<string, Task<string>> _signedIn = new();

    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _siloHttpPort = FreePorts.Next();
    private readonly int _siloPort = FreePorts.Next();
    private readonly int _gatewayPort = FreePorts.Next();
    private readonly int _dashboardPort = FreePorts.Next();
    private IPlaywright? _playwright;

    public string AdminKey { get; } = "e2e-admin-" + Guid.NewGuid().ToString("N");

    public string LoadKey { get; } = "e2e-load-" + Guid.NewGuid().ToString("N");

    public Uri SiloUrl => new($"http://127.0.0.1:{_siloHttpPort}");

    public Uri DashboardUrl => new($"http://127.0.0.1:{_dashboardPort}");

    public ChildProcess? Silo { get; private set; }

    public ChildProcess? DashboardProcess { get; private set; }

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Content-Security-Policy violations any page reported in its console, with the page's address.</summary>
    public ConcurrentQueue<string> CspViolations { get; } = new();

    /// <summary>The silo's HTTP API with the <c>default</c> project's admin key.</summary>
    public HttpClient Api { get; private set; } = default!;

    /// <summary>The silo's HTTP API with the <c>fleet10k</c> project's admin key.</summary>
    public HttpClient LoadApi { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install it with 'apt-get install -y chromium fonts-liberation'.");
        }

        await StartSiloAsync();
        DashboardProcess = ChildProcess.Start("dashboard", Repo.DashboardDll, Repo.DashboardDirectory,
            [
                "--urls", DashboardUrl.ToString(),
                "--Orleans:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--Orleans:ClusterId", _clusterId,
                "--AgentOps:Dashboard:Projects:0", DefaultProject,
                "--AgentOps:Dashboard:Projects:1", LoadProject,
                .. User(0, Admin, (DefaultProject, "admin"), (LoadProject, "admin")),
                .. User(1, Operator, (DefaultProject, "operator")),
                .. User(2, Viewer, (DefaultProject, "viewer")),
            ],
            // Development: static web assets (MudBlazor's css and js) are served from the build output, not a publish folder.
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        await DashboardProcess.WaitForHealthyAsync(new Uri(DashboardUrl, "/health/live"), StartTimeout);

        Api = Client(AdminKey);
        LoadApi = Client(LoadKey);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Starts the silo (again) on the same ports; the Local profile starts empty.</summary>
    public async Task StartSiloAsync()
    {
        Silo = ChildProcess.Start("silo", Repo.SiloDll, Repo.SiloDirectory,
        [
            "--urls", SiloUrl.ToString(),
            "--Orleans:SiloPort", _siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", _gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:ClusterId", _clusterId,
            "--AgentOps:Keys:0:Project", DefaultProject, "--AgentOps:Keys:0:Role", "admin", "--AgentOps:Keys:0:Key", AdminKey,
            "--AgentOps:Keys:1:Project", LoadProject, "--AgentOps:Keys:1:Role", "admin", "--AgentOps:Keys:1:Key", LoadKey,
        ]);
        await Silo.WaitForHealthyAsync(new Uri(SiloUrl, "/health/ready"), StartTimeout);
    }

    public void KillSilo() => Silo?.Dispose();

    public string PasswordOf(string user) => _passwords[user];

    /// <summary>
    /// A new page (and browser context) of the given size, with the dashboard's address as base, signed in as
    /// <paramref name="user"/> (the session of its first sign-in through the page is reused), or anonymous when null.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? user = Admin, int width = 1440, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = DashboardUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = scheme,
            StorageState = user is null ? null : await _signedIn.GetOrAdd(user, SignInAsync),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                CspViolations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>Signs in through the sign-in page, as a person would, and answers the browser state of the session.</summary>
    public async Task<string> SignInAsync(string user)
    {
        var page = await NewPageAsync(user: null);
        try
        {
            await page.GotoAsync("/account/sign-in");
            await page.Locator("input[data-testid=sign-in-user]").FillAsync(user);
            await page.Locator("input[data-testid=sign-in-password]").FillAsync(_passwords[user]);
            await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
            await page.Locator("[data-testid=user-name]").WaitForAsync();
            return await page.Context.StorageStateAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            throw new InvalidOperationException($"{user} could not sign in.{Environment.NewLine}{Diagnostics()}", ex);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The output of both processes, for failure messages.</summary>
    public string Diagnostics() =>
        $"--- silo ---{Environment.NewLine}{Silo?.RecentOutput}{Environment.NewLine}--- dashboard ---{Environment.NewLine}{DashboardProcess?.RecentOutput}";

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }
        }
        finally
        {
            _playwright?.Dispose();
            Api?.Dispose();
            LoadApi?.Dispose();
            DashboardProcess?.Dispose();
            Silo?.Dispose();
        }
    }

    /// <summary>The command-line settings of a local user: name, password hash (never the password) and roles.</summary>
    private string[] User(int index, string name, params (string Project, string Role)[] roles) =>
    [
        $"--AgentOps:Dashboard:Users:{index}:Name", name,
        $"--AgentOps:Dashboard:Users:{index}:PasswordHash", PasswordHashing.Hash(_passwords[name]),
        .. roles.SelectMany(r => new[] { $"--AgentOps:Dashboard:Users:{index}:Projects:{r.Project}", r.Role }),
    ];

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = SiloUrl, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
