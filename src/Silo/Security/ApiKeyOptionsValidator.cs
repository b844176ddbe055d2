using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Security;

/// <summary>Refuses to start with a malformed configured key, naming it, instead of failing requests later.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var problems = options.Keys.Select(KeyRing.Problem).OfType<string>().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
