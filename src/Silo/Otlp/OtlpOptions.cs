using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Otlp;

/// <summary>
/// How OTLP spans are attributed to agents, routes and users (configuration section <c>AgentOps:Otlp</c>).
/// A list left empty means its default; a configured list replaces the default, it is not appended to it.
/// </summary>
public sealed class OtlpOptions
{
    public const string Section = "AgentOps:Otlp";

    /// <summary>The most names one attribute list may hold.</summary>
    public const int MaxAttributeNames = 16;

    /// <summary>The longest attribute name.</summary>
    public const int MaxAttributeNameLength = 256;

    public static readonly IReadOnlyList<string> DefaultAgentIdAttributes = ["gen_ai.agent.id", "gen_ai.agent.name", "service.name"];
    public static readonly IReadOnlyList<string> DefaultAgentVersionAttributes = ["gen_ai.agent.version", "service.version"];
    public static readonly IReadOnlyList<string> DefaultUserAttributes = ["user.id", "enduser.id"];

    /// <summary>
    /// Attributes that name the agent, in order of preference; each is looked up on the span, then on its run's
    /// agent span, then on the resource. Default: <c>gen_ai.agent.id</c>, <c>gen_ai.agent.name</c>, <c>service.name</c>.
    /// </summary>
    public List<string> AgentIdAttributes { get; set; } = [];

    /// <summary>Attributes that give the agent version. Default: <c>gen_ai.agent.version</c>, <c>service.version</c>.</summary>
    public List<string> AgentVersionAttributes { get; set; } = [];

    /// <summary>Attributes that name the end user. Default: <c>user.id</c>, <c>enduser.id</c>.</summary>
    public List<string> UserAttributes { get; set; } = [];

    /// <summary>The attribute that names the route (the feature the run serves).</summary>
    public string RouteAttribute { get; set; } = "agentops.route.id";

    /// <summary>The attribute of a <c>gen_ai.evaluation.result</c> span event that names the evaluator.</summary>
    public string EvaluatorAttribute { get; set; } = "agentops.evaluator";

    internal IReadOnlyList<string> AgentIdKeys => AgentIdAttributes.Count > 0 ? AgentIdAttributes : DefaultAgentIdAttributes;

    internal IReadOnlyList<string> AgentVersionKeys => AgentVersionAttributes.Count > 0 ? AgentVersionAttributes : DefaultAgentVersionAttributes;

    internal IReadOnlyList<string> UserKeys => UserAttributes.Count > 0 ? UserAttributes : DefaultUserAttributes;

    /// <summary>Binds the section from <paramref name="configuration"/> and validates it; throws when it is invalid.</summary>
    public static OtlpOptions Load(IConfiguration configuration)
    {
        var options = new OtlpOptions();
        configuration.GetSection(Section).Bind(options);
        var result = new OtlpOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(Section, typeof(OtlpOptions), result.Failures) : options;
    }
}

/// <summary>Checks <see cref="OtlpOptions"/> at start-up: names present, not too long, lists not too long.</summary>
public sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        var failures = new List<string>();
        CheckList(options.AgentIdAttributes, nameof(OtlpOptions.AgentIdAttributes), failures);
        CheckList(options.AgentVersionAttributes, nameof(OtlpOptions.AgentVersionAttributes), failures);
        CheckList(options.UserAttributes, nameof(OtlpOptions.UserAttributes), failures);
        CheckName(options.RouteAttribute, nameof(OtlpOptions.RouteAttribute), failures);
        CheckName(options.EvaluatorAttribute, nameof(OtlpOptions.EvaluatorAttribute), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckList(List<string>? names, string key, List<string> failures)
    {
        if (names is null)
        {
            failures.Add($"{OtlpOptions.Section}:{key} must be a list of attribute names.");
            return;
        }

        if (names.Count > OtlpOptions.MaxAttributeNames)
        {
            failures.Add($"{OtlpOptions.Section}:{key} holds at most {OtlpOptions.MaxAttributeNames} names (got {names.Count}).");
        }

        for (var i = 0; i < names.Count; i++)
        {
            CheckName(names[i], $"{key}:{i}", failures);
        }
    }

    private static void CheckName(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > OtlpOptions.MaxAttributeNameLength)
        {
            failures.Add($"{OtlpOptions.Section}:{key} must be an attribute name of 1 to {OtlpOptions.MaxAttributeNameLength} characters.");
        }
    }
}
