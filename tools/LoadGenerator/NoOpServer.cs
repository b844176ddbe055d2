using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentOps.LoadGenerator;

/// <summary>
/// <c>--mode serve</c>: a process that answers <c>GET /</c> with 204 and does nothing else, for the ping probe to
/// measure what a process that does not ingest gets from this machine while a silo does.
/// </summary>
public static class NoOpServer
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url.ToString());
        var app = builder.Build();
        app.MapGet("/", () => Results.NoContent());
        Console.WriteLine($"serving GET / with 204 at {options.Url} until stopped");
        await app.RunAsync();
        return 0;
    }
}
