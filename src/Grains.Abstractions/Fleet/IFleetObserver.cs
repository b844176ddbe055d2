namespace AgentOps.Fleet;

/// <summary>A dashboard's subscription to a project's fleet: told which rows changed, at most every half second.</summary>
public interface IFleetObserver : IGrainObserver
{
    [Alias("fleet-changed")]
    void OnFleetChanged(IReadOnlyList<EntitySummary> changed);
}
