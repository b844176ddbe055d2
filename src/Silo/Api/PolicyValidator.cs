using AgentOps.Events;
using AgentOps.Policy;
using AgentOps.Silo.Api.Contracts;

namespace AgentOps.Silo.Api;

/// <summary>Checks a policy document and turns it into an <see cref="AutonomyPolicy"/>, or says what is wrong.</summary>
public static class PolicyValidator
{
    private const int MaxPatterns = 256;
    private const int MaxPatternLength = 256;

    public static (AutonomyPolicy? Policy, string? Error) Validate(PolicyDocument d)
    {
        var error = Patterns(d.AllowedTools, "allowedTools") ?? Patterns(d.DeniedTools, "deniedTools") ?? Patterns(d.WriteTargets, "writeTargets")
            ?? Budget(d.MaxCostPerRunUsd, "maxCostPerRunUsd") ?? Budget(d.MaxDailyCostUsd, "maxDailyCostUsd");
        if (d.AutonomyTier is { } tier && (tier.Length is 0 or > 64 || tier.Any(char.IsControl)))
        {
            error ??= "autonomyTier must be 1 to 64 printable characters.";
        }

        var actions = new List<ToolAction>();
        foreach (var name in d.ApprovalRequiredFor ?? [])
        {
            if (WireNames.TryParseToolAction(name, out var action))
            {
                actions.Add(action);
            }
            else
            {
                error ??= $"approvalRequiredFor: '{name}' is not an action; expected read, write, execute or other.";
            }
        }

        if (error is not null)
        {
            return (null, error);
        }

        return (new AutonomyPolicy
        {
            AutonomyTier = d.AutonomyTier,
            AllowedTools = d.AllowedTools?.ToList(),
            DeniedTools = d.DeniedTools?.ToList(),
            WriteTargets = d.WriteTargets?.ToList(),
            ApprovalRequiredFor = d.ApprovalRequiredFor is null ? null : actions.Distinct().ToList(),
            MaxCostPerRunUsd = d.MaxCostPerRunUsd,
            MaxDailyCostUsd = d.MaxDailyCostUsd,
            Paused = d.Paused ?? false,
        }, null);
    }

    private static string? Patterns(IReadOnlyList<string>? patterns, string field)
    {
        if (patterns is null)
        {
            return null;
        }

        if (patterns.Count > MaxPatterns)
        {
            return $"{field} holds at most {MaxPatterns} patterns.";
        }

        foreach (var pattern in patterns)
        {
            if (pattern is null || pattern.Length is 0 or > MaxPatternLength || pattern.Any(char.IsControl))
            {
                return $"{field}: every pattern must be 1 to {MaxPatternLength} printable characters.";
            }
        }

        return null;
    }

    private static string? Budget(double? usd, string field) =>
        usd is null or (>= 0 and < 1e9) ? null : $"{field} must be between 0 and 1e9 dollars.";
}
