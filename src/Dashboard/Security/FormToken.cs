namespace AgentOps.Dashboard.Security;

/// <summary>
/// The antiforgery token of the page that opened this circuit, for the plain HTML forms an interactive component posts
/// (sign-out). The page is rendered per request, so the token matches the antiforgery cookie set with it; Blazor's own
/// <c>AntiforgeryToken</c> component needs prerendering to carry it into the circuit, which the dashboard does not use.
/// </summary>
public sealed class FormToken
{
    public string FieldName { get; private set; } = "__RequestVerificationToken";

    public string? Value { get; private set; }

    public void Initialize(string? fieldName, string? value)
    {
        if (!string.IsNullOrEmpty(fieldName))
        {
            FieldName = fieldName;
        }

        Value = value;
    }
}
