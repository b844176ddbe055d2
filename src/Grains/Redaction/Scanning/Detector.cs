using System.Buffers;
using System.Text.RegularExpressions;

namespace AgentOps.Redaction;

/// <summary>
/// Narrows or rejects a regex candidate: gets the text and the match, may move <paramref name="start"/> and
/// <paramref name="length"/> (e.g. to keep a label and redact only its value), returns false to drop the candidate.
/// </summary>
internal delegate bool RefineMatch(ReadOnlySpan<char> text, ref int start, ref int length);

/// <summary>
/// One detector: a type hint, a cheap pre-filter and a search. The scan (<see cref="TextRedactor"/>) runs a detector
/// only where its pre-filter says it can match:
/// <list type="bullet">
/// <item>with <see cref="Markers"/>: from the first marker (less <see cref="MarkerBackoff"/>) on, when one occurs;</item>
/// <item>with <see cref="MinDigits"/>: only in windows around groups of that many digits
/// (<see cref="FindNearDigits"/>);</item>
/// <item>otherwise (custom patterns, e-mail with its own <c>@</c> anchoring): on the whole text.</item>
/// </list>
/// </summary>
internal abstract class Detector
{
    protected Detector(string type, string[]? markers = null, StringComparison markerComparison = StringComparison.Ordinal)
    {
        Type = type;
        MarkerStrings = markers ?? [];
        Markers = markers is { Length: > 0 } ? SearchValues.Create(markers, markerComparison) : null;
    }

    /// <summary>The type hint of the replacement.</summary>
    public string Type { get; }

    /// <summary>Strings one of which a text must contain for this detector to run, or null.</summary>
    public SearchValues<string>? Markers { get; }

    /// <summary>The marker strings, for the combined pre-filter of all detectors.</summary>
    public IReadOnlyList<string> MarkerStrings { get; }

    /// <summary>How far before the first marker a match may start (a label or scheme before the marker).</summary>
    public int MarkerBackoff { get; init; }

    /// <summary>The fewest digits (in one group of digits and separators) near which this detector can match, or 0.</summary>
    public int MinDigits { get; init; }

    /// <summary>How far before a group of digits a match may start (a <c>+</c>, escapes, letters of an IBAN).</summary>
    public int WindowBefore { get; init; }

    /// <summary>How far after a group of digits a match may reach, plus the characters its look-aheads read.</summary>
    public int WindowAfter { get; init; }

    /// <summary>Adds every finding in <paramref name="text"/> that starts at or after <paramref name="startAt"/>.</summary>
    public abstract void Find(ReadOnlySpan<char> text, int startAt, int kind, ref FindingBuffer findings);

    /// <summary>
    /// Adds every finding near the digit groups: runs <see cref="Find"/> on each window <c>[group start -
    /// WindowBefore, group end + WindowAfter)</c> (overlapping windows merged) of a group with at least
    /// <see cref="MinDigits"/> digits. Look-behinds still see the text before a window.
    /// </summary>
    public void FindNearDigits(ReadOnlySpan<char> text, scoped ReadOnlySpan<Finding> groups, int kind, ref FindingBuffer findings)
    {
        var windowStart = -1;
        var windowEnd = -1;
        foreach (var group in groups)
        {
            if (group.Kind < MinDigits)
            {
                continue;
            }

            var start = Math.Max(0, group.Start - WindowBefore);
            var end = Math.Min(text.Length, group.End + WindowAfter);
            if (windowEnd >= 0 && start <= windowEnd)
            {
                windowEnd = Math.Max(windowEnd, end);
                continue;
            }

            if (windowEnd >= 0)
            {
                Find(text[..windowEnd], windowStart, kind, ref findings);
            }

            windowStart = start;
            windowEnd = end;
        }

        if (windowEnd >= 0)
        {
            Find(text[..windowEnd], windowStart, kind, ref findings);
        }
    }
}

/// <summary>A detector that is a (source-generated) regular expression, optionally with a check of each candidate.</summary>
internal sealed class RegexDetector(
    string type,
    Regex regex,
    RefineMatch? refine = null,
    string[]? markers = null,
    StringComparison markerComparison = StringComparison.Ordinal) : Detector(type, markers, markerComparison)
{
    public override void Find(ReadOnlySpan<char> text, int startAt, int kind, ref FindingBuffer findings)
    {
        foreach (var match in regex.EnumerateMatches(text, startAt))
        {
            var start = match.Index;
            var length = match.Length;
            if (refine is null || refine(text, ref start, ref length))
            {
                findings.Add(new Finding(start, start + length, kind));
            }
        }
    }
}

/// <summary>
/// E-mail addresses, anchored on each <c>@</c>: the local part is found by walking back from it, and the regex is
/// tried only at the few positions there where an address can start. A search over every character of the text would
/// try each as the start of a local part; this costs a few steps per <c>@</c>.
/// </summary>
internal sealed class EmailDetector() : Detector(RedactionTypes.Email)
{
    /// <summary>How far back from an <c>@</c> a local part (64 characters, some of them JSON escapes) may start.</summary>
    private const int MaxLocalSpan = 256;

    private static readonly SearchValues<char> LocalChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-\\");

    public override void Find(ReadOnlySpan<char> text, int startAt, int kind, ref FindingBuffer findings)
    {
        var regex = BuiltInPatterns.EmailAt();
        var from = startAt;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf('@');
            if (at < 0)
            {
                return;
            }

            at += from;
            var floor = Math.Max(from, at - MaxLocalSpan);
            var local = text[floor..at].LastIndexOfAnyExcept(LocalChars);
            var start = local < 0 ? floor : floor + local + 1;
            from = at + 1;
            for (; start < at; start++)
            {
                var found = false;
                foreach (var match in regex.EnumerateMatches(text, start))
                {
                    findings.Add(new Finding(match.Index, match.Index + match.Length, kind));
                    from = match.Index + match.Length;
                    found = true;
                    break;
                }

                if (found)
                {
                    break;
                }
            }
        }
    }
}
