using System.Net;

namespace AgentOps.Client.Guard;

/// <summary>Whether a proposed step may go ahead, and where that answer came from.</summary>
/// <param name="Allow">True: go ahead. False: do not take the step.</param>
/// <param name="Reasons">
/// The server's reasons for a denial; for a decision of the failure mode, one sentence saying why the server could
/// not decide and which mode applied (for example <c>guard timed out after 250 ms; failing open</c>).
/// </param>
/// <param name="RunCostUsd">The run's cost so far, as the server knows it (null when the server did not answer).</param>
/// <param name="DailyCostUsd">The agent's cost today, as the server knows it (null when the server did not answer).</param>
/// <param name="Source">Whether the server decided or the configured <see cref="GuardFailureMode"/> did.</param>
/// <param name="Failure">Why the server could not decide (<see cref="GuardFailure.None"/> when it did).</param>
/// <param name="FailureStatusCode">The HTTP status when <see cref="Failure"/> is <see cref="GuardFailure.HttpError"/>.</param>
public sealed record GuardDecision(
    bool Allow,
    IReadOnlyList<string> Reasons,
    double? RunCostUsd,
    double? DailyCostUsd,
    GuardDecisionSource Source,
    GuardFailure Failure,
    HttpStatusCode? FailureStatusCode)
{
    /// <summary>True when the server made this decision.</summary>
    public bool IsFromServer => Source == GuardDecisionSource.Server;
}
