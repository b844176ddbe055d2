using AgentOps.Rules;
using Microsoft.Extensions.Options;

namespace AgentOps.Settings;

/// <summary>Each silo's copy of its projects' trajectory settings, refreshed like the rules.</summary>
public sealed class SettingsCache(IGrainFactory grains, IOptions<RulesOptions> options)
    : ProjectValueCache<TrajectorySettings>(project => grains.GetGrain<IProjectSettingsGrain>(project).GetTrajectoriesAsync(), () => options.Value.RefreshInterval);
