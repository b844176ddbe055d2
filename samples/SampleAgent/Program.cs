using AgentOps.Client;
using AgentOps.Client.ChatClients;
using AgentOps.Client.Events;
using AgentOps.Client.Hosting;
using AgentOps.SampleAgent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// A fake "code review" agent: each run asks the model, which calls the read_file tool, then answers; before writing
// its review to the database the agent asks the AgentOps guard; finally it scores itself and finishes the run.
if (SampleSettings.Parse(args) is not { } settings)
{
    Console.Error.WriteLine(SampleSettings.Usage);
    return 2;
}

if (settings.Key is null)
{
    Console.Error.WriteLine("No key: pass --key, or start the silo with ./run.sh (it writes src/Silo/.agentops/dev-key).");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddProvider(new ConsoleLoggerProvider(LogLevel.Warning)));
services.AddAgentOpsClient(o =>
{
    o.BaseAddress = settings.Url;
    o.ApiKey = settings.Key;
    o.AgentId = settings.AgentId;
    o.AgentVersion = "sample-1";
    o.FlushInterval = TimeSpan.FromMilliseconds(200);
});
services.AddChatClient(new FakeModelClient())
    .UseFunctionInvocation() // runs read_file for the model ...
    .UseAgentOps(configure: o => o.ConfigureToolCall = (e, call, _) => // ... inside it, every round trip is an llm_call
        (e.Action, e.Target) = (ToolAction.Read, $"repo:{call.Arguments?["path"]}"));
await using var provider = services.BuildServiceProvider();
var agentOps = provider.GetRequiredService<AgentOpsClient>();
var chat = provider.GetRequiredService<IChatClient>();
var tools = new ChatOptions { Tools = [AIFunctionFactory.Create((string path) => $"{path} (42 lines)", "read_file", "Reads a file of the repository.")] };

Console.WriteLine($"Reporting to {settings.Url} as agent '{settings.AgentId}'.");
string[] users = ["ana", "bo", "chen"];
for (var i = 1; i <= settings.Runs; i++)
{
    var route = i % 2 == 1 ? "code-review" : "triage";
    var prompt = i == 2 ? $"Review PR #{i} (flaky provider)" : $"Review PR #{i}";
    using var run = agentOps.StartRun(routeId: route, userId: users[i % users.Length], input: prompt);

    ChatResponse? answer = null;
    for (var attempt = 1; answer is null; attempt++)
    {
        try
        {
            answer = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], tools);
        }
        catch (HttpRequestException ex) when (attempt < 3)
        {
            Console.WriteLine($"  run {i}: model call failed ({ex.Message}); retrying");
        }
    }

    // The risky step: ask the guard before writing. The decision says whether the server or the failure mode decided.
    var decision = await run.GuardAsync("write_review", ToolAction.Write, "db:staging.reviews", estimatedCostUsd: 0.002);
    run.TrackToolCall("write_review", ToolAction.Write, "db:staging.reviews", decision.Allow ? CallStatus.Ok : CallStatus.Denied, latencyMs: 4);
    var score = decision.Allow ? 0.8 + (0.05 * (i % 4)) : 0.3;
    run.TrackEval("review-quality", score, passed: score >= 0.7, evaluator: "sample-judge");
    run.Finish(decision.Allow ? RunOutcome.Success : RunOutcome.Failure);

    var source = decision.IsFromServer ? "server" : $"failure mode ({decision.Failure})";
    Console.WriteLine($"  run {i} {run.RunId} route={route} user={run.UserId}: \"{answer.Text}\" guard: {(decision.Allow ? "allow" : "deny")} by {source}{(decision.Reasons.Count > 0 ? " - " + string.Join("; ", decision.Reasons) : "")}");
}

using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
{
    try
    {
        await agentOps.FlushAsync(timeout.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Flush did not finish within 20 s (is the silo running?).");
    }
}

var c = agentOps.Counters;
Console.WriteLine($"Events: enqueued {c.Enqueued}, delivered {c.Delivered} (duplicates {c.Duplicates}), rejected {c.Rejected}, failed {c.Failed}, dropped {c.Dropped}, retries {c.Retries}, pending {c.Pending}.");
Console.WriteLine($"See: curl -H \"Authorization: Bearer $KEY\" \"{new Uri(settings.Url, $"v1/agents/{settings.AgentId}?window=1h")}\"");
return c.Delivered == c.Enqueued && c.Enqueued > 0 ? 0 : 1;
