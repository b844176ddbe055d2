using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AgentOps.Silo.Tests;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel) that records every notification it gets and can fail the first ones,
/// to test webhook bodies, signatures, retries and duplicates end to end.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every request received, in order: status answered, body, signature header.</summary>
    public ConcurrentQueue<(HttpStatusCode Answered, byte[] Body, string? Signature)> Requests { get; } = new();

    public Uri Url => new(_app.Urls.First() + "/hook");

    /// <summary>The bodies of the requests that were answered 200.</summary>
    public IReadOnlyList<byte[]> Delivered => Requests.Where(r => r.Answered == HttpStatusCode.OK).Select(r => r.Body).ToList();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _failuresLeft = failFirst };
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var status = Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
            receiver.Requests.Enqueue((status, body.ToArray(), http.Request.Headers["X-AgentOps-Signature"].FirstOrDefault()));
            return Results.StatusCode((int)status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
