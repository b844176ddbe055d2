using System.Text.RegularExpressions;

namespace AgentOps.Pricing;

/// <summary>
/// Turns the model names providers report into the names of the price table: lower case, without a provider
/// prefix (<c>openai/</c>, <c>models/</c>, <c>anthropic.</c>) and, one at a time, without release suffixes such as
/// <c>-2024-08-06</c>, <c>-20241022</c>, <c>@20240620</c>, <c>-0613</c>, <c>-002</c>, <c>-v1:0</c> or <c>-latest</c>.
/// </summary>
public static partial class ModelNames
{
    /// <summary>The candidate names for <paramref name="model"/>, most specific first.</summary>
    public static IEnumerable<string> Candidates(string model)
    {
        var name = model.Trim().ToLowerInvariant();
        name = ProviderPrefix().Replace(name, string.Empty);
        yield return name;
        while (ReleaseSuffix().Match(name) is { Success: true } suffix && suffix.Index > 0)
        {
            name = name[..suffix.Index];
            yield return name;
        }
    }

    [GeneratedRegex(@"^(?:[a-z0-9-]+/|(?:anthropic|openai|google|mistral|meta|cohere|amazon|us|eu|apac)\.)+")]
    private static partial Regex ProviderPrefix();

    [GeneratedRegex(@"(?:[-@](?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|\d{3}|latest|preview|exp)|-v\d+(?::\d+)?)$")]
    private static partial Regex ReleaseSuffix();
}
