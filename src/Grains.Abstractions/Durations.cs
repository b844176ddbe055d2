using System.Globalization;

namespace AgentOps;

/// <summary>The duration syntax of the API: a positive integer and one unit, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c> (e.g. <c>30s</c>, <c>5m</c>, <c>7d</c>).</summary>
public static class Durations
{
    /// <summary>The longest window, rule duration or baseline served: the 7 days of hour buckets.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>Parses <paramref name="text"/>; false when it is not of the form above.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2 || text.Length > 12)
        {
            return false;
        }

        var unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        var digits = text.AsSpan(0, text.Length - 1);
        if (unit == TimeSpan.Zero || !digits.ContainsOnlyDigits()
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 100_000)
        {
            return false;
        }

        duration = unit * count;
        return true;
    }

    /// <summary>Formats a duration in the largest unit that expresses it exactly (<c>0s</c> for zero).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        foreach (var (unit, suffix) in Units)
        {
            if (duration.Ticks % unit.Ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / unit.Ticks}{suffix}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds}s");
    }

    private static readonly (TimeSpan Unit, char Suffix)[] Units =
    [
        (TimeSpan.FromDays(1), 'd'), (TimeSpan.FromHours(1), 'h'), (TimeSpan.FromMinutes(1), 'm'), (TimeSpan.FromSeconds(1), 's'),
    ];

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return span.Length > 0;
    }
}
