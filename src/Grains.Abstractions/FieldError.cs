namespace AgentOps;

/// <summary>What is wrong with one field of a document, for an API problem or an inline form error.</summary>
[GenerateSerializer, Immutable, Alias("agentops.field-error")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message)
{
    /// <summary>All errors as one sentence.</summary>
    public static string Join(IEnumerable<FieldError> errors) => string.Join("; ", errors.Select(e => e.Message)) + ".";
}
