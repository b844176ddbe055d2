using AgentOps.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddAgentOpsClusterClient()
    .AddAgentOpsDashboard();

var app = builder.Build();

app.MapAgentOpsDashboard();

app.Run();

/// <summary>The dashboard's entry point.</summary>
public partial class Program;
