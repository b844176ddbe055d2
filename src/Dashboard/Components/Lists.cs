using System.Globalization;

namespace AgentOps.Dashboard.Components;

/// <summary>Reads and writes the comma-separated lists and numbers of the forms.</summary>
public static class Lists
{
    /// <summary>Items separated by commas or new lines; null when there is none (the field is not set).</summary>
    public static IReadOnlyList<string>? Parse(string? text)
    {
        var items = (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length == 0 ? null : items;
    }

    public static string Join(IEnumerable<string>? items) => items is null ? string.Empty : string.Join(", ", items);

    /// <summary>A number typed by a person (invariant, a leading $ allowed); false when it is not one. Empty is null.</summary>
    public static bool TryParseNumber(string? text, out double? value)
    {
        value = null;
        var trimmed = text?.Trim().TrimStart('$');
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static string Number(double? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? string.Empty;
}
