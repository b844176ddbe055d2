using AgentOps.Dashboard.Hosting;

if (HashPasswordCommand.IsInvoked(args))
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
}

var builder = WebApplication.CreateBuilder(args);

// Serve MudBlazor's CSS and JS from the build output in every environment (run.sh and the tests run the built
// dashboard, in any environment); a published app has them in wwwroot and no manifest, which this then ignores.
builder.WebHost.UseStaticWebAssets();

// Sign-in after the dashboard: it replaces the circuit's authentication state provider with one that revalidates.
builder.AddAgentOpsClusterClient()
    .AddAgentOpsDashboard()
    .AddAgentOpsSignIn();

var app = builder.Build();

app.MapAgentOpsDashboard();

app.Run();
return 0;

/// <summary>The dashboard's entry point.</summary>
public partial class Program;
