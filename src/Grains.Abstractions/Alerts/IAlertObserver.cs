namespace AgentOps.Alerts;

/// <summary>A dashboard's subscription to a project's alerts: told of every alert that opened, fired, resolved or was acknowledged.</summary>
public interface IAlertObserver : IGrainObserver
{
    [Alias("alert-changed")]
    void OnAlertChanged(AlertView alert);
}
