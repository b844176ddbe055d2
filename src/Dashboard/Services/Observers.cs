using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Fleet;

namespace AgentOps.Dashboard.Services;

/// <summary>Receives a project's changed fleet rows (at most every 250 ms) and hands them to a page.</summary>
internal sealed class FleetObserver(Action<IReadOnlyList<EntitySummary>> onChanged) : IFleetObserver
{
    public void OnFleetChanged(IReadOnlyList<EntitySummary> changed) => onChanged(changed);
}

/// <summary>Receives an entity's change notices (at most every second) and hands them to a page.</summary>
internal sealed class EntityObserver(Action onChanged) : IEntityObserver
{
    public void OnEntityChanged(EntityKind kind, string entityId) => onChanged();
}

/// <summary>Receives every change of a project's alerts and hands it to a page.</summary>
internal sealed class AlertObserver(Action<AlertView> onChanged) : IAlertObserver
{
    public void OnAlertChanged(AlertView alert) => onChanged(alert);
}
