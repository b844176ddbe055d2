using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AgentOps.Redaction;

/// <summary>
/// Checks <see cref="RedactionOptions"/> at start-up: known detector names, custom patterns that are named, unique and
/// compile, a sane match timeout, and well-formed field rules.
/// </summary>
public sealed partial class RedactionOptionsValidator : IValidateOptions<RedactionOptions>
{
    /// <summary>The longest custom pattern accepted.</summary>
    public const int MaxPatternLength = 4096;

    /// <summary>The most custom patterns accepted.</summary>
    public const int MaxPatterns = 64;

    /// <summary>The most field rules accepted.</summary>
    public const int MaxFieldRules = 256;

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedactionOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem of <paramref name="options"/>, each naming its configuration key; empty when valid.</summary>
    public static IReadOnlyList<string> Check(RedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = RedactionOptions.Section;
        var failures = new List<string>();
        if (options.PatternMatchTimeout <= TimeSpan.Zero || options.PatternMatchTimeout > MaxTimeout)
        {
            failures.Add($"{Section}:PatternMatchTimeout must be above 0 and at most {MaxTimeout} (got {options.PatternMatchTimeout}).");
        }

        var disabled = options.DisabledDetectors ?? [];
        for (var i = 0; i < disabled.Count; i++)
        {
            if (!RedactionTypes.BuiltIn.Contains(disabled[i], StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{Section}:DisabledDetectors:{i} '{disabled[i]}' is not a built-in detector ({string.Join(", ", RedactionTypes.BuiltIn)}).");
            }
        }

        var patterns = options.Patterns ?? [];
        if (patterns.Count > MaxPatterns)
        {
            failures.Add($"{Section}:Patterns holds at most {MaxPatterns} patterns (got {patterns.Count}).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            var key = $"{Section}:Patterns:{i}";
            if (pattern is null)
            {
                failures.Add($"{key} is empty.");
                continue;
            }

            if (string.IsNullOrEmpty(pattern.Name) || !PatternName().IsMatch(pattern.Name))
            {
                failures.Add($"{key}:Name must be 1 to 64 letters, digits, '_', '-' or '.' (got '{pattern.Name}').");
            }
            else if (!names.Add(pattern.Name))
            {
                failures.Add($"{key}:Name '{pattern.Name}' is used by another pattern.");
            }

            if (string.IsNullOrEmpty(pattern.Pattern) || pattern.Pattern.Length > MaxPatternLength)
            {
                failures.Add($"{key}:Pattern must be a regular expression of 1 to {MaxPatternLength} characters.");
                continue;
            }

            try
            {
                // Syntax and the empty-string probe only: interpreted, with a generous timeout (the real one is compiled).
                var regex = new Regex(pattern.Pattern, RegexOptions.CultureInvariant, MaxTimeout);
                if (regex.IsMatch(""))
                {
                    failures.Add($"{key}:Pattern '{pattern.Pattern}' matches the empty string.");
                }
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{key}:Pattern '{pattern.Pattern}' is not a valid regular expression: {ex.Message}");
            }
            catch (RegexMatchTimeoutException)
            {
                failures.Add($"{key}:Pattern '{pattern.Pattern}' timed out on the empty string.");
            }
        }

        var rules = options.FieldRules ?? [];
        if (rules.Count > MaxFieldRules)
        {
            failures.Add($"{Section}:FieldRules holds at most {MaxFieldRules} rules (got {rules.Count}).");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is null)
            {
                failures.Add($"{Section}:FieldRules:{i} is empty.");
            }
            else if (CompiledFieldRule.Parse(rules[i], out var error) is null)
            {
                failures.Add($"{Section}:FieldRules:{i}: {error}");
            }
        }

        return failures;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PatternName();
}
