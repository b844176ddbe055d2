using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>
/// Judges a tool call against an agent's autonomy policy by exactly the five conditions of API.md: not in
/// <c>allowedTools</c>, in <c>deniedTools</c>, a write outside <c>writeTargets</c>, an action that needs approval
/// without it, or denied by the agent's own sandbox.
/// </summary>
public static class PolicyJudge
{
    /// <summary>Why the call breaks the policy; empty when it does not. Only tool calls can break it.</summary>
    public static IReadOnlyList<string> Violations(AutonomyPolicy? policy, AgentEvent call) =>
        call.Type == EventType.ToolCall
            ? Violations(policy, call.Tool ?? string.Empty, call.Action, call.Target, call.Approved, call.Status)
            : [];

    /// <summary>Why a (proposed or made) tool call breaks the policy; empty when it does not.</summary>
    public static IReadOnlyList<string> Violations(
        AutonomyPolicy? policy, string tool, ToolAction action, string? target, bool? approved, CallStatus status)
    {
        List<string>? reasons = null;
        if (policy is not null)
        {
            if (policy.AllowedTools is { } allowed && Glob.FirstMatch(allowed, tool) is null)
            {
                Add(ref reasons, $"tool '{tool}' is not in allowedTools");
            }

            if (policy.DeniedTools is { } denied && Glob.FirstMatch(denied, tool) is { } deniedBy)
            {
                Add(ref reasons, $"tool '{tool}' matches deniedTools '{deniedBy}'");
            }

            if (action == ToolAction.Write && policy.WriteTargets is { } targets
                && (target is null || Glob.FirstMatch(targets, target) is null))
            {
                Add(ref reasons, target is null ? "write without a target while writeTargets is set" : $"write to '{target}' is outside writeTargets");
            }

            if (policy.ApprovalRequiredFor is { } needApproval && needApproval.Contains(action) && approved != true)
            {
                Add(ref reasons, $"{action.ToWire()} requires approval");
            }
        }

        if (status == CallStatus.Denied)
        {
            Add(ref reasons, "denied by the agent's sandbox");
        }

        return reasons ?? (IReadOnlyList<string>)[];
    }

    private static void Add(ref List<string>? reasons, string reason) => (reasons ??= []).Add(reason);
}
