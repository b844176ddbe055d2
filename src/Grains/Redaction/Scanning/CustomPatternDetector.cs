using System.Text.RegularExpressions;

namespace AgentOps.Redaction;

/// <summary>
/// A pattern of <see cref="RedactionOptions.Patterns"/>. It runs on .NET's non-backtracking engine (linear time) when
/// the pattern allows it, else on the backtracking engine under <see cref="RedactionOptions.PatternMatchTimeout"/>;
/// a search that times out redacts the whole text (fail closed).
/// </summary>
internal sealed class CustomPatternDetector(string name, Regex regex) : Detector(name)
{
    public Regex Regex { get; } = regex;

    public override void Find(ReadOnlySpan<char> text, int startAt, int kind, ref FindingBuffer findings)
    {
        try
        {
            foreach (var match in Regex.EnumerateMatches(text, startAt))
            {
                if (match.Length > 0)
                {
                    findings.Add(new Finding(match.Index, match.Index + match.Length, kind));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            findings.Add(new Finding(0, text.Length, kind));
        }

    }

    /// <summary>
    /// Compiles a custom pattern: non-backtracking when supported, else backtracking with the timeout. Runs it once on
    /// the empty string so that compiling its code does not count against the first real search's timeout.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static Regex Compile(string pattern, TimeSpan timeout)
    {
        const RegexOptions options = RegexOptions.CultureInvariant;
        Regex regex;
        try
        {
            regex = new Regex(pattern, options | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(pattern, options | RegexOptions.Compiled, timeout);
        }

        try
        {
            _ = regex.IsMatch("");
        }
        catch (RegexMatchTimeoutException)
        {
            // Warming up only; a real search that times out redacts its whole text.
        }

        return regex;
    }
}
