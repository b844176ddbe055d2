using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace AgentOps.Redaction;

/// <summary>
/// Replaces secrets and personal data in free text with <c>[REDACTED:&lt;type&gt;]</c>: the built-in detectors (see
/// <see cref="RedactionTypes"/>) and the custom <see cref="RedactionOptions.Patterns"/>. Everything around a finding is
/// kept exactly. Use it on anything that leaves the ingest path as text: step content, log messages, alert summaries,
/// notification payloads.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: build one per configuration (a singleton) and share it. Cheap on clean text: each
/// detector runs only when its marker (<c>@</c>, <c>eyJ</c>, <c>-----BEGIN</c>, <c>AKIA</c>, <c>sk-</c>, <c>ghp_</c>,
/// <c>xox</c>, <c>sig=</c>, <c>AccountKey=</c>, ...) or a long enough group of digits occurs, the searches are
/// source-generated regular expressions with bounded quantifiers, and a text with nothing to redact is returned as
/// the same instance without allocating.
/// </remarks>
public sealed class TextRedactor
{
    private const int StackFindings = 16;

    private readonly Detector[] _detectors;
    private readonly string[] _replacements;
    private readonly SearchValues<string>? _allMarkers;
    private readonly int _minDigits;

    /// <summary>A redactor with the default options: every built-in detector, no custom pattern.</summary>
    public TextRedactor()
        : this(new RedactionOptions())
    {
    }

    /// <summary>A redactor for the given options (validated here).</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="RedactionOptionsValidator"/>).</exception>
    public TextRedactor(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = RedactionOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        Enabled = options.Enabled;
        var disabled = new HashSet<string>(options.DisabledDetectors, StringComparer.OrdinalIgnoreCase);
        var detectors = BuiltInDetectors.All.Where(d => !disabled.Contains(d.Type)).ToList();
        foreach (var pattern in options.Patterns)
        {
            detectors.Add(new CustomPatternDetector(pattern.Name, CustomPatternDetector.Compile(pattern.Pattern, options.PatternMatchTimeout)));
        }

        _detectors = [.. detectors];
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        _replacements = [.. _detectors.Select(d => replacements.TryGetValue(d.Type, out var r) ? r : replacements[d.Type] = RedactionTypes.Replacement(d.Type))];
        var markers = _detectors.SelectMany(d => d.MarkerStrings).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _allMarkers = markers.Length > 0 ? SearchValues.Create(markers, StringComparison.OrdinalIgnoreCase) : null;
        _minDigits = _detectors.Where(d => d.MinDigits > 0).Select(d => d.MinDigits).DefaultIfEmpty(0).Min();
    }

    /// <summary>A redactor for the bound options.</summary>
    public TextRedactor(IOptions<RedactionOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>A shared redactor with the default options (every built-in detector, no custom pattern).</summary>
    public static TextRedactor Default { get; } = new();

    /// <summary>False when redaction is switched off (<see cref="RedactionOptions.Enabled"/>): every method passes text through.</summary>
    public bool Enabled { get; }

    /// <summary>
    /// The text with every finding replaced by <c>[REDACTED:&lt;type&gt;]</c>; the same instance when there was
    /// nothing to replace (and null for null).
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (!Enabled || string.IsNullOrEmpty(text))
        {
            return text;
        }

        var findings = new FindingBuffer(stackalloc Finding[StackFindings]);
        try
        {
            Scan(text, ref findings);
            if (findings.Count == 0)
            {
                return text;
            }

            findings.Normalize();
            var state = new WriteState(text, findings.Items, _replacements);
            return string.Create(RedactedLength(text.Length, state.Findings), state, static (destination, s) => Write(s, destination));
        }
        finally
        {
            findings.Dispose();
        }
    }

    /// <summary>True when <paramref name="text"/> holds something this redactor would replace.</summary>
    public bool ContainsSensitiveData(ReadOnlySpan<char> text)
    {
        if (!Enabled || text.IsEmpty)
        {
            return false;
        }

        var findings = new FindingBuffer(stackalloc Finding[StackFindings]);
        try
        {
            Scan(text, ref findings);
            return findings.Count > 0;
        }
        finally
        {
            findings.Dispose();
        }
    }

    /// <summary>The length <see cref="Redact(ReadOnlySpan{char}, Span{char})"/> writes for <paramref name="source"/>.</summary>
    public int GetRedactedLength(ReadOnlySpan<char> source)
    {
        if (!Enabled || source.IsEmpty)
        {
            return source.Length;
        }

        var findings = new FindingBuffer(stackalloc Finding[StackFindings]);
        try
        {
            Scan(source, ref findings);
            findings.Normalize();
            return RedactedLength(source.Length, findings.Items);
        }
        finally
        {
            findings.Dispose();
        }
    }

    /// <summary>Writes the redacted <paramref name="source"/> to <paramref name="destination"/>; returns the characters written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetRedactedLength"/>.</exception>
    public int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (!Enabled || source.IsEmpty)
        {
            return source.TryCopyTo(destination) ? source.Length : throw new ArgumentException(TooShort(source.Length), nameof(destination));
        }

        var findings = new FindingBuffer(stackalloc Finding[StackFindings]);
        try
        {
            Scan(source, ref findings);
            findings.Normalize();
            var length = RedactedLength(source.Length, findings.Items);
            if (destination.Length < length)
            {
                throw new ArgumentException(TooShort(length), nameof(destination));
            }

            Write(new WriteState(source, findings.Items, _replacements), destination);
            return length;
        }
        finally
        {
            findings.Dispose();
        }
    }

    /// <summary>What would be replaced in <paramref name="text"/>, in order, overlaps merged (for diagnostics and tests).</summary>
    public IReadOnlyList<RedactionMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enabled || text.Length == 0)
        {
            return [];
        }

        var findings = new FindingBuffer(stackalloc Finding[StackFindings]);
        try
        {
            Scan(text, ref findings);
            findings.Normalize();
            var matches = new RedactionMatch[findings.Count];
            for (var i = 0; i < matches.Length; i++)
            {
                var f = findings.Items[i];
                matches[i] = new RedactionMatch(f.Start, f.End - f.Start, _detectors[f.Kind].Type);
            }

            return matches;
        }
        finally
        {
            findings.Dispose();
        }
    }

    private void Scan(ReadOnlySpan<char> text, ref FindingBuffer findings)
    {
        var markerFrom = _allMarkers is null ? -1 : text.IndexOfAny(_allMarkers);
        var groups = new FindingBuffer(stackalloc Finding[StackFindings]);
        var groupsCollected = false;
        try
        {
            for (var kind = 0; kind < _detectors.Length; kind++)
            {
                var detector = _detectors[kind];
                if (detector.Markers is { } markers)
                {
                    var at = markerFrom < 0 ? -1 : text[markerFrom..].IndexOfAny(markers);
                    if (at >= 0)
                    {
                        detector.Find(text, Math.Max(0, markerFrom + at - detector.MarkerBackoff), kind, ref findings);
                    }
                }
                else if (detector.MinDigits > 0)
                {
                    if (!groupsCollected)
                    {
                        Checks.CollectDigitGroups(text, _minDigits, ref groups);
                        groupsCollected = true;
                    }

                    if (groups.Count > 0)
                    {
                        detector.FindNearDigits(text, groups.Items, kind, ref findings);
                    }
                }
                else
                {
                    detector.Find(text, 0, kind, ref findings);
                }
            }
        }
        finally
        {
            groups.Dispose();
        }
    }

    private int RedactedLength(int sourceLength, ReadOnlySpan<Finding> findings)
    {
        var length = sourceLength;
        foreach (var f in findings)
        {
            length += _replacements[f.Kind].Length - (f.End - f.Start);
        }

        return length;
    }

    private static void Write(WriteState state, Span<char> destination)
    {
        var source = 0;
        var written = 0;
        foreach (var f in state.Findings)
        {
            var kept = state.Text[source..f.Start];
            kept.CopyTo(destination[written..]);
            written += kept.Length;
            var replacement = state.Replacements[f.Kind];
            replacement.CopyTo(destination[written..]);
            written += replacement.Length;
            source = f.End;
        }

        state.Text[source..].CopyTo(destination[written..]);
    }

    private static string TooShort(int needed) => $"The destination must hold at least {needed} characters.";

    private readonly ref struct WriteState(ReadOnlySpan<char> text, ReadOnlySpan<Finding> findings, string[] replacements)
    {
        public ReadOnlySpan<char> Text { get; } = text;

        public ReadOnlySpan<Finding> Findings { get; } = findings;

        public string[] Replacements { get; } = replacements;
    }
}

/// <summary>One thing <see cref="TextRedactor.Find"/> would replace: where, how long, and its type hint.</summary>
/// <param name="Index">Where it starts in the text.</param>
/// <param name="Length">How many characters it covers.</param>
/// <param name="Type">The type hint of its replacement (a <see cref="RedactionTypes"/> value or a custom pattern's name).</param>
public readonly record struct RedactionMatch(int Index, int Length, string Type);
