using Microsoft.Extensions.Options;

namespace AgentOps.Rules;

/// <summary>Each silo's copy of its projects' rules, refreshed every <see cref="RulesOptions.RefreshInterval"/>.</summary>
public sealed class RuleCache(IGrainFactory grains, IOptions<RulesOptions> options)
    : ProjectValueCache<RuleBook>(project => grains.GetGrain<IRuleBookGrain>(project).GetAsync(), () => options.Value.RefreshInterval);
