using System.Globalization;
using AgentOps.Events;
using AgentOps.Monitoring;

namespace AgentOps.Policy;

/// <summary>
/// The guard's judgement of a proposed step, from the agent's policy and live state: paused, over the run's budget,
/// over the UTC day's budget, or a tool call the policy forbids. An agent without a policy is allowed.
/// </summary>
public static class Guard
{
    public static GuardDecision Decide(AutonomyPolicy? policy, GuardRequest request, EntityMonitor monitor, DateTimeOffset now)
    {
        // Budgets are compared in whole nano-dollars, as costs are counted: in doubles 0.1 + 0.2 is over a 0.3 budget.
        var runNanos = monitor.Runs.Find(request.RunId)?.CostNanos ?? 0;
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var dayNanos = monitor.Windows.Hours.Sum(monitor.Windows.Hours.BucketOf(dayStart), monitor.Windows.Hours.BucketOf(now)).CostNanos;
        var estimateNanos = Money.ToNanos(request.EstimatedCostUsd);
        var reasons = new List<string>();
        if (policy is not null)
        {
            if (policy.Paused)
            {
                reasons.Add("the agent is paused");
            }

            if (policy.MaxCostPerRunUsd is { } runBudget && runNanos + estimateNanos > Money.ToNanos(runBudget))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the run would cost ${Money.ToUsd(runNanos + estimateNanos):0.####}, over maxCostPerRunUsd ${runBudget:0.####}"));
            }

            if (policy.MaxDailyCostUsd is { } dayBudget && dayNanos + estimateNanos > Money.ToNanos(dayBudget))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"today would cost ${Money.ToUsd(dayNanos + estimateNanos):0.####}, over maxDailyCostUsd ${dayBudget:0.####}"));
            }
        }

        if (request.Tool is { } tool)
        {
            reasons.AddRange(PolicyJudge.Violations(policy, tool, request.Action, request.Target, request.Approved, CallStatus.Ok));
        }

        return new GuardDecision(reasons.Count == 0, reasons, Money.ToUsd(runNanos), Money.ToUsd(dayNanos));
    }
}
