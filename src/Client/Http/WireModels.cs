using AgentOps.Client.Events;

namespace AgentOps.Client.Http;

/// <summary>The body of <c>POST /v1/events</c>.</summary>
internal sealed record EventBatchBody(IReadOnlyList<AgentOpsEvent> Events);

/// <summary>The body of <c>POST /v1/guard</c>.</summary>
internal sealed record GuardRequestBody(
    string AgentId,
    string RunId,
    string? Tool,
    ToolAction? Action,
    string? Target,
    double? EstimatedCostUsd);

/// <summary>The 200 answer of <c>POST /v1/guard</c>.</summary>
internal sealed record GuardResponseBody(bool? Allow, IReadOnlyList<string>? Reasons, double? RunCostUsd, double? DailyCostUsd);
