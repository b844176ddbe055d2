namespace AgentOps.Entities;

/// <summary>A dashboard's subscription to one entity: told when its state changed, at most every half second.</summary>
public interface IEntityObserver : IGrainObserver
{
    [Alias("entity-changed")]
    void OnEntityChanged(EntityKind kind, string entityId);
}
