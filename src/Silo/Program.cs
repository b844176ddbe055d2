using AgentOps.Silo.Api;
using AgentOps.Silo.Hosting;
using AgentOps.Silo.Security;
using AgentOps.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddAgentOpsCore()
    .AddDevelopmentKeyWhenNoneConfigured()
    .AddApiKeySecurity()
    .AddAgentOpsRateLimiting()
    .AddAgentOpsApi()
    .AddAgentOpsHealth()
    .AddAgentOpsTelemetry()
    .AddAgentOpsSilo();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the limit is per key
app.UseAuthorization();
app.MapAgentOpsHealth();
app.MapAgentOpsApi();

app.Run();

/// <summary>The silo's entry point, visible to WebApplicationFactory tests.</summary>
public partial class Program;
