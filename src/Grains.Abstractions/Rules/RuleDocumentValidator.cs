using AgentOps.Entities;

namespace AgentOps.Rules;

/// <summary>
/// Checks a rule document and builds the <see cref="AlertRule"/>, or names, per field, what is wrong: unknown metric,
/// unparsable or over-7d windows, a missing or non-finite threshold, a baseline factor of 0 or less, bad globs,
/// unknown channels, bad labels. The API answers the errors as a 400; the dashboard shows them next to the fields.
/// </summary>
public static class RuleDocumentValidator
{
    private const int MaxLabels = 32;
    private const int MaxChannels = 16;

    public static (AlertRule? Rule, IReadOnlyList<FieldError> Errors) Validate(string id, RuleDocument d, IReadOnlySet<string> knownChannels)
    {
        var errors = new List<FieldError>();
        if (!EntityIds.IsValid(id))
        {
            errors.Add(new("id", $"id {EntityIds.Explain(id)}"));
        }

        var scope = d.Scope is null ? EntityKind.Agent : RuleWire.ParseScope(d.Scope);
        if (scope is null)
        {
            errors.Add(new("scope", $"scope '{d.Scope}' must be agent, route or user"));
        }

        var match = d.Match ?? "*";
        if (match.Length is 0 or > 256 || !match.All(c => EntityIds.IsAllowed(c) || c is '*' or '?'))
        {
            errors.Add(new("match", "match must be a glob of 1-256 characters: id characters (A-Z a-z 0-9 . _ : @ + -) and the wildcards * and ?"));
        }

        if (!MetricNames.IsKnown(d.Metric))
        {
            errors.Add(new("metric", $"metric '{d.Metric}' is unknown; expected one of {string.Join(", ", MetricNames.All)}"));
        }

        var window = Duration(d.Window ?? "1h", "window", errors, allowZero: false);
        var op = d.Op is null ? ComparisonOp.GreaterThan : RuleWire.ParseOp(d.Op);
        if (op is null)
        {
            errors.Add(new("op", $"op '{d.Op}' must be >, >=, < or <="));
        }

        var baseline = Baseline(d.Baseline, window, errors);
        var needsThreshold = baseline is null || d.Metric == MetricNames.ToolDrift;
        if (needsThreshold && d.Threshold is null)
        {
            errors.Add(new("threshold", d.Metric == MetricNames.ToolDrift ? "toolDrift needs a threshold (a divergence between 0 and 1)" : "threshold is required without a baseline"));
        }

        if (d.Threshold is { } threshold && !double.IsFinite(threshold))
        {
            errors.Add(new("threshold", "threshold must be a finite number"));
        }

        var forDuration = Duration(d.For ?? "0s", "for", errors, allowZero: true);
        if (d.MinSamples is < 0 or > 1_000_000)
        {
            errors.Add(new("minSamples", "minSamples must be between 0 and 1,000,000"));
        }

        var severity = d.Severity is null ? AlertSeverity.Warning : RuleWire.ParseSeverity(d.Severity);
        if (severity is null)
        {
            errors.Add(new("severity", $"severity '{d.Severity}' must be critical, warning or info"));
        }

        var labels = d.Labels ?? new Dictionary<string, string>();
        if (labels.Count > MaxLabels || labels.Any(l => l.Key.Length is 0 or > 64 || l.Value is null || l.Value.Length > 256))
        {
            errors.Add(new("labels", $"labels holds at most {MaxLabels} entries with keys of 1-64 and values of at most 256 characters"));
        }

        var channels = d.Channels ?? [];
        if (channels.Count > MaxChannels)
        {
            errors.Add(new("channels", $"channels lists at most {MaxChannels} channels"));
        }

        errors.AddRange(channels.Where(c => !knownChannels.Contains(c))
            .Select(c => new FieldError("channels", $"channel '{c}' is unknown; create it with PUT /v1/channels/{c}")));

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new AlertRule
        {
            Id = id,
            Scope = scope!.Value,
            Match = match,
            Metric = d.Metric!,
            Window = window,
            Op = op!.Value,
            Threshold = d.Threshold,
            Baseline = baseline,
            For = forDuration,
            MinSamples = d.MinSamples ?? 0,
            Severity = severity!.Value,
            Labels = labels.ToDictionary(),
            Channels = channels.Distinct().ToList(),
        }, errors);
    }

    private static RuleBaseline? Baseline(BaselineDocument? b, TimeSpan window, List<FieldError> errors)
    {
        if (b is null)
        {
            return null;
        }

        var stat = b.Stat is null ? BaselineStat.Median : RuleWire.ParseStat(b.Stat);
        if (stat is null)
        {
            errors.Add(new("baseline.stat", $"baseline.stat '{b.Stat}' must be median, mean or p90"));
        }

        if (b.Factor is { } factor && !(factor > 0 && double.IsFinite(factor)))
        {
            errors.Add(new("baseline.factor", "baseline.factor must be greater than 0"));
        }

        if (b.MinPoints is < 1 or > 168)
        {
            errors.Add(new("baseline.minPoints", "baseline.minPoints must be between 1 and 168"));
        }

        var baselineWindow = Duration(b.Window ?? "7d", "baseline.window", errors, allowZero: false);
        if (baselineWindow <= window)
        {
            errors.Add(new("baseline.window", "baseline.window must be longer than window: the current window is excluded from its baseline"));
        }

        return new RuleBaseline { Window = baselineWindow, Stat = stat ?? BaselineStat.Median, Factor = b.Factor ?? 1.0, MinPoints = b.MinPoints ?? 3 };
    }

    private static TimeSpan Duration(string text, string field, List<FieldError> errors, bool allowZero)
    {
        if (!Durations.TryParse(text, out var duration))
        {
            errors.Add(new(field, $"{field} '{text}' must be a duration such as 30s, 10m, 1h or 7d"));
            return TimeSpan.Zero;
        }

        if (duration > Durations.MaxWindow)
        {
            errors.Add(new(field, $"{field} must be at most 7d"));
        }
        else if (!allowZero && duration <= TimeSpan.Zero)
        {
            errors.Add(new(field, $"{field} must be longer than 0"));
        }

        return duration;
    }
}
