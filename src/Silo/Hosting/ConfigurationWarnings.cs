using AgentOps.Redaction;
using Microsoft.Extensions.Options;

namespace AgentOps.Silo.Hosting;

/// <summary>Says at startup which settings are unsafe for production, once, so an operator sees it in the first log lines.</summary>
public sealed partial class ConfigurationWarnings(
    IOptions<AgentOpsOptions> agentOps, IOptions<RedactionOptions> redaction, ILogger<ConfigurationWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (agentOps.Value.Profile == StorageProfile.AzureStorage && redaction.Value.Enabled && string.IsNullOrEmpty(redaction.Value.PseudonymKey))
        {
            LogNoPseudonymKey();
        }

        if (!redaction.Value.Enabled)
        {
            LogRedactionOff();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "AgentOps:Redaction:PseudonymKey is not set: pseudonyms of personal user ids are plain hashes, which a guesser of e-mail addresses can reverse. Set a secret key (docs/deploy-azure.md).")]
    private partial void LogNoPseudonymKey();

    [LoggerMessage(Level = LogLevel.Warning, Message = "AgentOps:Redaction:Enabled is false: secrets and personal data in events are stored, answered and logged as sent.")]
    private partial void LogRedactionOff();
}
