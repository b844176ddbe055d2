using System.Buffers.Text;
using System.Text;
using AgentOps.Entities;
using AgentOps.Windows;

namespace AgentOps.Silo.Api;

/// <summary>Parses path and query arguments; each failure is a 400 problem that names the argument.</summary>
public static class ApiArguments
{
    /// <summary>The default live-state window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    public static IResult? Id(string? id, string name) =>
        EntityIds.IsValid(id) ? null : Problems.BadRequest(ProblemCodes.InvalidId, $"{name} {EntityIds.Explain(id)}.");

    public static IResult? Window(string? text, out TimeSpan window)
    {
        window = DefaultWindow;
        if (text is null)
        {
            return null;
        }

        return Durations.TryParse(text, out window) && window > TimeSpan.Zero && window <= RollingWindows.MaxWindow
            ? null
            : Problems.BadRequest(ProblemCodes.InvalidWindow, $"window '{text}' must be a duration such as 30s, 5m, 1h, 24h or 7d, at most 7d.");
    }

    public static IResult? Limit(int? requested, int fallback, int max, out int limit)
    {
        limit = requested ?? fallback;
        return limit is >= 1 && limit <= max
            ? null
            : Problems.BadRequest(ProblemCodes.InvalidLimit, $"limit must be between 1 and {max} (got {requested}).");
    }

    /// <summary>Decodes a list cursor: the base64url of the last id of the previous page.</summary>
    public static IResult? Cursor(string? cursor, out string? after)
    {
        after = null;
        if (cursor is null)
        {
            return null;
        }

        try
        {
            after = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            after = null;
        }

        return EntityIds.IsValid(after) ? null : Problems.BadRequest(ProblemCodes.InvalidCursor, "cursor is not one this API issued; use the 'next' of a previous page.");
    }

    public static string EncodeCursor(string lastId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastId));
}
