using Microsoft.Extensions.AI;

namespace AgentOps.SampleAgent;

/// <summary>
/// Stands in for a real model so that the sample runs offline: the first turn of a conversation asks for the
/// <c>read_file</c> tool, the turn after the tool's result answers; both report token usage like a real provider.
/// Every call whose prompt contains "flaky" fails once with a transient error, to show retries (attempt 2).
/// </summary>
internal sealed class FakeModelClient : IChatClient
{
    private readonly HashSet<string> _failedOnce = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        await Task.Delay(Random.Shared.Next(20, 60), cancellationToken); // "network and inference"
        var prompt = history.First(m => m.Role == ChatRole.User).Text;
        if (prompt.Contains("flaky", StringComparison.Ordinal) && _failedOnce.Add(prompt))
        {
            throw new HttpRequestException("503 from the model provider (simulated)");
        }

        var toolResult = history.SelectMany(m => m.Contents).OfType<FunctionResultContent>().LastOrDefault();
        if (toolResult is null)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant,
            [
                new FunctionCallContent($"call-{Guid.NewGuid():N}", "read_file", new Dictionary<string, object?> { ["path"] = "src/Program.cs" }),
            ]))
            {
                ModelId = "gpt-4o-mini",
                Usage = new UsageDetails { InputTokenCount = 1_200, CachedInputTokenCount = 800, OutputTokenCount = 60 },
            };
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, $"Reviewed: {toolResult.Result}. Looks good, one nit."))
        {
            ModelId = "gpt-4o-mini",
            Usage = new UsageDetails { InputTokenCount = 1_450, CachedInputTokenCount = 1_200, OutputTokenCount = 180 },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "gpt-4o-mini") : null;

    public void Dispose()
    {
    }
}
