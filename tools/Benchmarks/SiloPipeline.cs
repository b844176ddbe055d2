using AgentOps.Ingest;
using AgentOps.Pricing;
using AgentOps.Redaction;
using AgentOps.Silo.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentOps.Benchmarks;

/// <summary>
/// Builds the silo's ingest objects as <c>CoreServices.AddAgentOpsCore</c> registers them with the default
/// configuration: the price table from the silo's own <c>model-prices.json</c> (copied next to the benchmark by the
/// project reference), default ingest options and default redaction (every built-in detector on).
/// </summary>
internal static class SiloPipeline
{
    public static EventValidator CreateValidator()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "model-prices.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The silo's model-prices.json is not next to the benchmark; the Silo project reference copies it.", path);
        }

        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        var pricing = new PricingOptions();
        configuration.GetSection(PricingOptions.Section).Bind(pricing);
        var prices = new PriceTable(pricing);
        if (prices.Count == 0)
        {
            throw new InvalidOperationException($"No model price was read from {path}.");
        }

        var redaction = new RedactionOptions();
        var text = new TextRedactor(redaction);
        return new EventValidator(
            prices,
            Options.Create(new IngestOptions()),
            new EventRedactor(text, redaction),
            new IdentifierPseudonyms(text, Options.Create(redaction)));
    }
}
