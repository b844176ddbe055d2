namespace AgentOps.Policy;

/// <summary>
/// Glob patterns with <c>*</c> (any run of characters) and <c>?</c> (one character), matched case-insensitively
/// against the whole text. Matching is linear-time backtracking over the last star, so no pattern can blow up.
/// </summary>
public static class Glob
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>The first pattern that matches, or null.</summary>
    public static string? FirstMatch(IEnumerable<string> patterns, string text) =>
        patterns.FirstOrDefault(pattern => IsMatch(pattern, text));

    private static bool CharEquals(char a, char b) => a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
}
