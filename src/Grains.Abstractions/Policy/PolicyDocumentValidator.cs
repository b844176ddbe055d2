using AgentOps.Events;

namespace AgentOps.Policy;

/// <summary>Checks a policy document and builds the <see cref="AutonomyPolicy"/>, or names, per field, what is wrong.</summary>
public static class PolicyDocumentValidator
{
    private const int MaxPatterns = 256;
    private const int MaxPatternLength = 256;

    public static (AutonomyPolicy? Policy, IReadOnlyList<FieldError> Errors) Validate(PolicyDocument d)
    {
        var errors = new List<FieldError>();
        Patterns(d.AllowedTools, "allowedTools", errors);
        Patterns(d.DeniedTools, "deniedTools", errors);
        Patterns(d.WriteTargets, "writeTargets", errors);
        Budget(d.MaxCostPerRunUsd, "maxCostPerRunUsd", errors);
        Budget(d.MaxDailyCostUsd, "maxDailyCostUsd", errors);
        if (d.AutonomyTier is { } tier && (tier.Length is 0 or > 64 || tier.Any(char.IsControl)))
        {
            errors.Add(new("autonomyTier", "autonomyTier must be 1 to 64 printable characters"));
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
                errors.Add(new("approvalRequiredFor", $"approvalRequiredFor: '{name}' is not an action; expected read, write, execute or other"));
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
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
        }, errors);
    }

    private static void Patterns(IReadOnlyList<string>? patterns, string field, List<FieldError> errors)
    {
        if (patterns is null)
        {
            return;
        }

        if (patterns.Count > MaxPatterns)
        {
            errors.Add(new(field, $"{field} holds at most {MaxPatterns} patterns"));
        }
        else if (patterns.Any(p => p is null || p.Length is 0 or > MaxPatternLength || p.Any(char.IsControl)))
        {
            errors.Add(new(field, $"{field}: every pattern must be 1 to {MaxPatternLength} printable characters"));
        }
    }

    private static void Budget(double? usd, string field, List<FieldError> errors)
    {
        if (usd is not (null or (>= 0 and < 1e9)))
        {
            errors.Add(new(field, $"{field} must be between 0 and 1e9 dollars"));
        }
    }
}
