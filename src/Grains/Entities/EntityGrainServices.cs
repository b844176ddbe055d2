using AgentOps.Ingest;
using AgentOps.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentOps.Entities;

/// <summary>The services every entity grain uses, injected as one so the grain constructors stay short.</summary>
public sealed class EntityGrainServices(
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<IngestOptions> ingest,
    IOptions<RulesOptions> rules,
    RuleCache ruleCache,
    IEventJournal journal,
    IHostApplicationLifetime lifetime,
    ILogger<EntityGrainServices> logger)
{
    public TimeProvider Time { get; } = time;
    public IOptions<IngestOptions> Ingest { get; } = ingest;
    public IOptions<RulesOptions> Rules { get; } = rules;
    public RuleCache RuleCache { get; } = ruleCache;
    public IEventJournal Journal { get; } = journal;
    public ILogger Logger { get; } = logger;

    /// <summary>True once the silo has begun to stop: every grain is deactivating, so calls to other grains only fail.</summary>
    public bool SiloStopping => lifetime.ApplicationStopping.IsCancellationRequested;
}
