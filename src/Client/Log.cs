using System.Net;
using Microsoft.Extensions.Logging;

namespace AgentOps.Client;

/// <summary>The client's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "AgentOps event queue full (capacity {Capacity}) or client stopped: dropped {Dropped} events since the last report, {Total} in all")]
    public static partial void Dropped(ILogger logger, int capacity, long dropped, long total);

    [LoggerMessage(2, LogLevel.Warning, "AgentOps: {Count} events rejected by the server (first: #{Index} {EventId}: {Code}: {Message})")]
    public static partial void Rejected(ILogger logger, int count, int index, string? eventId, string? code, string? message);

    [LoggerMessage(3, LogLevel.Information, "AgentOps: sending {Count} events failed (attempt {Attempt}: {Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int count, int attempt, string reason, long delayMs);

    [LoggerMessage(4, LogLevel.Error, "AgentOps: gave up {Count} events: {Reason}")]
    public static partial void GaveUp(ILogger logger, int count, string reason);

    [LoggerMessage(5, LogLevel.Information, "AgentOps: {Status} for a batch of {Count} events; splitting it")]
    public static partial void Splitting(ILogger logger, string status, int count);

    [LoggerMessage(6, LogLevel.Warning, "AgentOps: {Pending} events still unsent after the shutdown timeout of {Timeout}; abandoning them")]
    public static partial void ShutdownTimedOut(ILogger logger, long pending, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Error, "AgentOps sender stopped unexpectedly")]
    public static partial void SenderCrashed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "AgentOps guard unavailable ({Failure}{Status}): {Decision} ({Suppressed} similar since the last report)")]
    public static partial void GuardFailed(ILogger logger, Guard.GuardFailure failure, string status, string decision, long suppressed);

    [LoggerMessage(9, LogLevel.Warning, "AgentOps: {Count} chat calls were not recorded because no run was known (set RunScope or the agentops.runId chat option)")]
    public static partial void ChatCallWithoutRun(ILogger logger, long count);

    [LoggerMessage(10, LogLevel.Debug, "AgentOps: the server answered {Status} with an unreadable body; counting {Count} events as delivered")]
    public static partial void UnreadableSuccess(ILogger logger, HttpStatusCode status, int count);

    [LoggerMessage(11, LogLevel.Warning, "AgentOps: recording a chat call failed")]
    public static partial void RecordingFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "AgentOps: not every event was sent before the host stopped ({Pending} pending)")]
    public static partial void StopFlushIncomplete(ILogger logger, long pending);
}
