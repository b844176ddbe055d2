namespace AgentOps.Entities;

/// <summary>
/// The id rule of API.md: 1-128 characters of <c>A-Z a-z 0-9 . _ : @ + -</c>. Anything else is rejected,
/// never rewritten, which also keeps <c>/</c> out of grain keys.
/// </summary>
public static class EntityIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="id"/> follows the rule.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a character allowed in ids.</summary>
    public static bool IsAllowed(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or ':' or '@' or '+' or '-';

    /// <summary>Why <paramref name="id"/> breaks the rule, for error messages.</summary>
    public static string Explain(string? id) => id switch
    {
        null or "" => "must not be empty",
        { Length: > MaxLength } => $"must be at most {MaxLength} characters (got {id.Length})",
        _ => $"may only contain A-Z a-z 0-9 . _ : @ + - (found '{Printable(id.First(c => !IsAllowed(c)))}')",
    };

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
