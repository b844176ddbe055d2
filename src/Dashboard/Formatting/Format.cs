using System.Globalization;

namespace AgentOps.Dashboard.Formatting;

/// <summary>How the dashboard writes money, rates, counts, durations and times: short, exact enough, culture-invariant.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Dollars: <c>$0.25</c>, <c>$12.40</c>, <c>$1.2k</c>, <c>$3.4M</c>, small amounts with two significant digits (<c>$0.0042</c>).</summary>
    public static string Money(double usd)
    {
        if (!double.IsFinite(usd))
        {
            return "—";
        }

        var sign = usd < 0 ? "-" : string.Empty;
        var v = Math.Abs(usd);
        return sign + v switch
        {
            0 => "$0.00",
            >= 999_950 => "$" + Compact(v / 1_000_000) + "M",
            >= 999.5 => "$" + Compact(v / 1_000) + "k",
            >= 100 => "$" + v.ToString("0", Invariant),
            >= 0.01 => "$" + v.ToString("0.00", Invariant),
            >= 0.0001 => "$" + v.ToString("0.####", Invariant),
            _ => "<$0.0001",
        };
    }

    /// <summary>A cost against its baseline: <c>$0.25 (2.5x of $0.10)</c>; the cost alone without a baseline; a dash without successful runs.</summary>
    public static string MoneyVsBaseline(double usd, double? baseline) => baseline switch
    {
        _ when usd == 0 => baseline is { } b0 && b0 > 0 ? $"— (baseline {Money(b0)})" : "—",
        null => Money(usd),
        <= 0 => $"{Money(usd)} (baseline {Money(0)})",
        { } b => $"{Money(usd)} ({Factor(usd / b)} of {Money(b)})",
    };

    /// <summary>A ratio as a factor: <c>2.5x</c>.</summary>
    public static string Factor(double ratio) => ratio.ToString(ratio >= 10 ? "0" : "0.0#", Invariant) + "x";

    /// <summary>A rate in 0..1 as a percentage: <c>0%</c>, <c>&lt;0.1%</c>, <c>2.5%</c>, <c>12.3%</c>, <c>100%</c>.</summary>
    public static string Percent(double rate)
    {
        var p = rate * 100;
        return p switch
        {
            0 => "0%",
            > 0 and < 0.1 => "<0.1%",
            _ => p.ToString("0.#", Invariant) + "%",
        };
    }

    /// <summary>An eval score in 0..1 with two decimals; a dash when there were no evals.</summary>
    public static string Score(double score, long count = 1) => count == 0 ? "—" : score.ToString("0.00", Invariant);

    /// <summary>A count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>A decimal figure with up to two decimals: <c>11</c>, <c>4.25</c>.</summary>
    public static string Number(double value) => value.ToString("0.##", Invariant);

    /// <summary>A large count, compact: <c>950</c>, <c>12.3k</c>, <c>4.5M</c>.</summary>
    public static string Compact(long n) => n switch
    {
        >= 999_950 => Compact(n / 1_000_000d) + "M",
        >= 1_000 => Compact(n / 1_000d) + "k",
        _ => n.ToString(Invariant),
    };

    /// <summary>A duration: <c>850 ms</c>, <c>12.3 s</c>, <c>3m 20s</c>, <c>2h 5m</c>, <c>3d 4h</c>.</summary>
    public static string Duration(TimeSpan d)
    {
        if (d < TimeSpan.Zero)
        {
            d = d.Negate();
        }

        return d.TotalMilliseconds switch
        {
            < 1_000 => $"{d.TotalMilliseconds.ToString("0", Invariant)} ms",
            < 60_000 => $"{d.TotalSeconds.ToString("0.#", Invariant)} s",
            < 3_600_000 => $"{d.Minutes}m {d.Seconds}s",
            < 86_400_000 => $"{d.Hours}h {d.Minutes}m",
            _ => $"{(int)d.TotalDays}d {d.Hours}h",
        };
    }

    /// <summary>A latency in milliseconds, or a dash.</summary>
    public static string Latency(long? milliseconds) => milliseconds is { } ms ? Duration(TimeSpan.FromMilliseconds(ms)) : "—";

    /// <summary>How long ago: <c>just now</c>, <c>42s ago</c>, <c>5 min ago</c>, <c>3h 10m ago</c>, <c>2d 4h ago</c>; <c>never</c> for null.</summary>
    public static string Ago(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is not { } t)
        {
            return "never";
        }

        var d = now - t;
        return d.TotalSeconds switch
        {
            < 5 => "just now",
            < 60 => $"{(int)d.TotalSeconds}s ago",
            < 3_600 => $"{(int)d.TotalMinutes} min ago",
            _ => Duration(d) + " ago",
        };
    }

    /// <summary>An absolute UTC time: <c>2025-11-27 14:03:05 UTC</c>.</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant) + " UTC" : "—";

    /// <summary>A short UTC time of day for chart axes and timelines: <c>14:03</c> or <c>14:03:05</c>.</summary>
    public static string Clock(DateTimeOffset at, bool seconds = false) =>
        at.UtcDateTime.ToString(seconds ? "HH:mm:ss" : "HH:mm", Invariant);

    /// <summary>Token counts: <c>950</c>, <c>12.3k</c>.</summary>
    public static string Tokens(long n) => Compact(n);

    private static string Compact(double v) => v.ToString(v >= 100 ? "0" : "0.#", Invariant);
}
