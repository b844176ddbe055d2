using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentOps.Redaction;

/// <summary>Registers the redaction engine.</summary>
public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RedactionOptions"/> to <c>AgentOps:Redaction</c>, validates them at start-up and registers
    /// <see cref="TextRedactor"/> and <see cref="EventRedactor"/> as singletons (plus <see cref="AgentOpsRedactor"/>, for
    /// <c>Microsoft.Extensions.Compliance.Redaction</c>).
    /// </summary>
    public static IServiceCollection AddAgentOpsRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RedactionOptions>().BindConfiguration(RedactionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedactionOptions>, RedactionOptionsValidator>());
        services.TryAddSingleton(sp => new TextRedactor(sp.GetRequiredService<IOptions<RedactionOptions>>().Value));
        services.TryAddSingleton(sp => new EventRedactor(sp.GetRequiredService<TextRedactor>(), sp.GetRequiredService<IOptions<RedactionOptions>>().Value));
        services.TryAddSingleton<AgentOpsRedactor>();
        services.TryAddSingleton<IdentifierPseudonyms>();
        return services;
    }
}
