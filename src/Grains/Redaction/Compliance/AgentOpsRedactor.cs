using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace AgentOps.Redaction;

/// <summary>
/// The <see cref="TextRedactor"/> as a <c>Microsoft.Extensions.Compliance</c> <see cref="Redactor"/>: text classified
/// <see cref="AgentOpsDataClassifications.FreeText"/> keeps its words and loses its secrets, instead of being erased
/// or hashed whole. Register it with <see cref="AgentOpsRedactionBuilderExtensions.SetAgentOpsRedactor"/>.
/// </summary>
public sealed class AgentOpsRedactor(TextRedactor redactor) : Redactor
{
    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input) => redactor.GetRedactedLength(input);

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination) => redactor.Redact(source, destination);
}

/// <summary>The data classifications of AgentOpsGrains, for <c>[LoggerMessage]</c> parameters and redactor registration.</summary>
public static class AgentOpsDataClassifications
{
    /// <summary>The taxonomy name.</summary>
    public const string TaxonomyName = "AgentOps";

    /// <summary>Free text that may carry secrets or personal data (step content, alert summaries, error messages).</summary>
    public static DataClassification FreeText { get; } = new(TaxonomyName, nameof(FreeText));
}

/// <summary>Marks a <c>[LoggerMessage]</c> parameter or property as <see cref="AgentOpsDataClassifications.FreeText"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class FreeTextAttribute() : DataClassificationAttribute(AgentOpsDataClassifications.FreeText);

/// <summary>Registration of <see cref="AgentOpsRedactor"/> with <c>Microsoft.Extensions.Compliance.Redaction</c>.</summary>
public static class AgentOpsRedactionBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="AgentOpsRedactor"/> for <see cref="AgentOpsDataClassifications.FreeText"/> (and any further
    /// <paramref name="classifications"/>). Call inside <c>services.AddRedaction(r =&gt; r.SetAgentOpsRedactor())</c>
    /// after <see cref="RedactionServiceCollectionExtensions.AddAgentOpsRedaction"/>; with
    /// <c>logging.EnableRedaction()</c>, <c>[LoggerMessage]</c> parameters marked <see cref="FreeTextAttribute"/> are redacted.
    /// </summary>
    public static IRedactionBuilder SetAgentOpsRedactor(this IRedactionBuilder builder, params DataClassificationSet[] classifications)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.SetRedactor<AgentOpsRedactor>([AgentOpsDataClassifications.FreeText, .. classifications]);
    }
}
