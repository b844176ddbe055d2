using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Client.Tests.Infrastructure;

/// <summary>
/// A scripted model: each call takes the next turn, lets <see cref="Turn.Latency"/> pass on the fake clock, then
/// answers with the turn's response (or throws its exception). Streaming answers the same response as updates.
/// </summary>
public sealed class FakeChatClient(FakeTimeProvider time) : IChatClient
{
    private readonly ConcurrentQueue<Turn> _turns = new();

    public ConcurrentQueue<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = new();

    public string? DefaultModelId { get; init; }

    public FakeChatClient Then(Turn turn)
    {
        _turns.Enqueue(turn);
        return this;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var turn = Next(messages, options);
        await Task.Yield();
        time.Advance(turn.Latency);
        return turn.Error is { } error ? throw error : turn.Response!;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = Next(messages, options);
        foreach (var update in turn.Updates ?? turn.Response!.ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }

        time.Advance(turn.Latency);
        if (turn.Error is { } error)
        {
            throw error;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, DefaultModelId) : null;

    public void Dispose()
    {
    }

    private Turn Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        Calls.Enqueue(([.. messages], options));
        return _turns.TryDequeue(out var turn) ? turn : throw new InvalidOperationException("No scripted turn left.");
    }
}

/// <summary>One scripted model answer.</summary>
public sealed record Turn
{
    public ChatResponse? Response { get; init; }

    public IReadOnlyList<ChatResponseUpdate>? Updates { get; init; }

    public Exception? Error { get; init; }

    public TimeSpan Latency { get; init; }

    public static Turn Answer(ChatResponse response, int latencyMs) => new() { Response = response, Latency = TimeSpan.FromMilliseconds(latencyMs) };

    public static Turn Fail(Exception error, int latencyMs = 0) => new() { Error = error, Latency = TimeSpan.FromMilliseconds(latencyMs) };
}
