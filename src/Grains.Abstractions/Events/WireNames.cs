using AgentOps.Entities;
using AgentOps.Runs;

namespace AgentOps.Events;

/// <summary>The names the HTTP contract uses for enum values (API.md), in both directions.</summary>
public static class WireNames
{
    public static string ToWire(this EventType type) => type switch
    {
        EventType.RunStarted => "run_started",
        EventType.LlmCall => "llm_call",
        EventType.ToolCall => "tool_call",
        EventType.Eval => "eval",
        EventType.RunFinished => "run_finished",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParseEventType(string? value, out EventType type)
    {
        (var ok, type) = value switch
        {
            "run_started" => (true, EventType.RunStarted),
            "llm_call" => (true, EventType.LlmCall),
            "tool_call" => (true, EventType.ToolCall),
            "eval" => (true, EventType.Eval),
            "run_finished" => (true, EventType.RunFinished),
            _ => (false, default),
        };
        return ok;
    }

    public static string ToWire(this CallStatus status) => status switch
    {
        CallStatus.Ok => "ok",
        CallStatus.Error => "error",
        CallStatus.Denied => "denied",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseCallStatus(string? value, out CallStatus status)
    {
        (var ok, status) = value switch
        {
            "ok" => (true, CallStatus.Ok),
            "error" => (true, CallStatus.Error),
            "denied" => (true, CallStatus.Denied),
            _ => (false, default),
        };
        return ok;
    }

    public static string ToWire(this ToolAction action) => action switch
    {
        ToolAction.Read => "read",
        ToolAction.Write => "write",
        ToolAction.Execute => "execute",
        ToolAction.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool TryParseToolAction(string? value, out ToolAction action)
    {
        (var ok, action) = value switch
        {
            "read" => (true, ToolAction.Read),
            "write" => (true, ToolAction.Write),
            "execute" => (true, ToolAction.Execute),
            "other" => (true, ToolAction.Other),
            _ => (false, default),
        };
        return ok;
    }

    public static string ToWire(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Success => "success",
        RunOutcome.Failure => "failure",
        RunOutcome.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static bool TryParseRunOutcome(string? value, out RunOutcome outcome)
    {
        (var ok, outcome) = value switch
        {
            "success" => (true, RunOutcome.Success),
            "failure" => (true, RunOutcome.Failure),
            "abandoned" => (true, RunOutcome.Abandoned),
            _ => (false, default),
        };
        return ok;
    }

    public static string ToWire(this RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Success => "success",
        RunStatus.Failure => "failure",
        RunStatus.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string ToWire(this EntityKind kind) => kind switch
    {
        EntityKind.Agent => "agent",
        EntityKind.Route => "route",
        EntityKind.User => "user",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
