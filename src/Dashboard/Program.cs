using AgentOps.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Serve MudBlazor's CSS and JS from the build output in every environment (run.sh runs the built dashboard in
// Production); a published app has them in wwwroot and no manifest, which this then ignores.
builder.WebHost.UseStaticWebAssets();

builder.AddAgentOpsClusterClient()
    .AddAgentOpsDashboard();

var app = builder.Build();

app.MapAgentOpsDashboard();

app.Run();

/// <summary>The dashboard's entry point.</summary>
public partial class Program;
