using Microsoft.Extensions.Hosting;

namespace AgentOps.Fleet;

/// <summary>Gathers the rows its entities report and forwards the changed ones to the project's fleet grain every 250 ms.</summary>
public sealed class FleetShardGrain(IHostApplicationLifetime lifetime) : Grain, IFleetShardGrain
{
    private static readonly TimeSpan ForwardEvery = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<(Entities.EntityKind, string), EntitySummary> _changed = [];
    private GrainThrottle? _forward;

    public Task ReportAsync(EntitySummary summary)
    {
        _changed[(summary.Kind, summary.Id)] = summary;
        _forward ??= new GrainThrottle(this, ForwardEvery, ForwardAsync);
        return _forward.RunSoonAsync();
    }

    private Task ForwardAsync()
    {
        if (_changed.Count == 0 || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // While the silo stops the fleet grain deactivates too and the call would only fail; the entities report
            // their rows again after they next activate, as they do every second while they receive events.
            return Task.CompletedTask;
        }

        var batch = _changed.Values.ToList();
        _changed.Clear();
        var project = Entities.GrainKeys.Parse(this.GetPrimaryKeyString()).Project;
        return GrainFactory.GetGrain<IFleetGrain>(project).PublishAsync(batch);
    }
}
