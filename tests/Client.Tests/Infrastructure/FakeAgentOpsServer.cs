using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentOps.Client.Tests.Infrastructure;

/// <summary>How the fake server answers one request.</summary>
public delegate Task Reply(HttpContext context, RecordedRequest request);

/// <summary>One request the fake server received.</summary>
public sealed class RecordedRequest
{
    public required string Path { get; init; }
    public required string? Authorization { get; init; }
    public required string? ContentType { get; init; }
    public required string Body { get; init; }

    /// <summary>The <c>events</c> of a <c>/v1/events</c> body.</summary>
    public required IReadOnlyList<JsonElement> Events { get; init; }

    /// <summary>The body as JSON (guard requests).</summary>
    public required JsonElement? Json { get; init; }

    /// <summary>The status the server answered with (null while it has not answered).</summary>
    public int? Status { get; set; }

    public IEnumerable<string> EventIds => Events.Select(e => e.GetProperty("id").GetString()!);
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel on a free port) that records every request and answers as scripted:
/// queued replies first, then the default (202 for events, allow for the guard).
/// </summary>
public sealed class FakeAgentOpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _eventReplies = new();
    private readonly ConcurrentQueue<Reply> _guardReplies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _releaseHung = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeAgentOpsServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The reply once the scripted ones are used up.</summary>
    public Reply DefaultEventsReply { get; set; } = Replies.Accepted();

    public Reply DefaultGuardReply { get; set; } = Replies.Guard(allow: true);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> EventRequests => [.. _requests.Where(r => r.Path == "/v1/events")];

    public IReadOnlyList<RecordedRequest> GuardRequests => [.. _requests.Where(r => r.Path == "/v1/guard")];

    /// <summary>The events of the requests answered with a 2xx.</summary>
    public IReadOnlyList<JsonElement> AcceptedEvents =>
        [.. EventRequests.Where(r => r.Status is >= 200 and <= 299).SelectMany(r => r.Events)];

    /// <summary>Completes when hung replies should end.</summary>
    public Task Released => _releaseHung.Task;

    public static async Task<FakeAgentOpsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0").UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAgentOpsServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public void ReplyToEvents(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _eventReplies.Enqueue(reply);
        }
    }

    public void ReplyToGuard(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _guardReplies.Enqueue(reply);
        }
    }

    /// <summary>Lets every hung reply finish.</summary>
    public void ReleaseHung() => _releaseHung.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseHung();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        JsonElement? json = null;
        var events = new List<JsonElement>();
        if (body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
            if (json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("events", out var array))
            {
                events.AddRange(array.EnumerateArray());
            }
        }

        var request = new RecordedRequest
        {
            Path = context.Request.Path,
            Authorization = context.Request.Headers.Authorization,
            ContentType = context.Request.ContentType,
            Body = body,
            Events = events,
            Json = json,
        };
        _requests.Enqueue(request);
        var isGuard = request.Path == "/v1/guard";
        var reply = (isGuard ? _guardReplies : _eventReplies).TryDequeue(out var scripted)
            ? scripted
            : isGuard ? DefaultGuardReply : DefaultEventsReply;
        await reply(context, request);
        if (!context.RequestAborted.IsCancellationRequested)
        {
            request.Status = context.Response.StatusCode;
        }
    }
}

/// <summary>Ready-made replies.</summary>
public static class Replies
{
    /// <summary>202 with every event accepted (less <paramref name="duplicates"/>).</summary>
    public static Reply Accepted(int duplicates = 0) => (context, request) =>
        WriteJson(context, 202, new { accepted = request.Events.Count - duplicates, duplicates, errors = Array.Empty<object>() });

    /// <summary>207 rejecting the events at <paramref name="rejectedIndexes"/>.</summary>
    public static Reply MultiStatus(params int[] rejectedIndexes) => (context, request) =>
        WriteJson(context, 207, new
        {
            accepted = request.Events.Count - rejectedIndexes.Length,
            duplicates = 0,
            errors = rejectedIndexes.Select(i => new
            {
                index = i,
                id = request.Events[i].GetProperty("id").GetString(),
                code = "invalid_value",
                message = "bad event",
            }).ToArray(),
        });

    /// <summary>A bare status, with an optional <c>Retry-After</c> in seconds.</summary>
    public static Reply Status(int status, int? retryAfterSeconds = null) => (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return WriteJson(context, status, new { type = "about:blank", title = "scripted", status });
    };

    /// <summary>Never answers until the server releases hung replies or the client gives up.</summary>
    public static Reply Hang(FakeAgentOpsServer server) => async (context, request) =>
    {
        await Task.WhenAny(server.Released, Task.Delay(Timeout.Infinite, context.RequestAborted));
        if (!context.RequestAborted.IsCancellationRequested)
        {
            await Accepted()(context, request);
        }
    };

    /// <summary>Drops the connection without an answer.</summary>
    public static Reply Abort() => (context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>A guard decision.</summary>
    public static Reply Guard(bool allow, string[]? reasons = null, double runCostUsd = 0, double dailyCostUsd = 0) => (context, _) =>
        WriteJson(context, 200, new { allow, reasons = reasons ?? [], runCostUsd, dailyCostUsd });

    private static Task WriteJson(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body);
    }
}
