namespace AgentOps.Dashboard.Formatting;

/// <summary>Formats a rule metric's value the way the metric reads: money, a rate, a score or a count.</summary>
public static class MetricFormat
{
    public static string Value(string metric, double value) => metric switch
    {
        "costUsd" or "costPerRun" or "costPerSuccessfulRun" => Format.Money(value),
        "retryRate" or "errorRate" or "evalPassRate" => Format.Percent(value),
        "evalScore" or "toolDrift" => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => Format.Number(value),
    };
}
