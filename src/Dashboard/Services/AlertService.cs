using AgentOps.Alerts;
using AgentOps.Entities;

namespace AgentOps.Dashboard.Services;

/// <summary>A project's alerts and silences, and the push of alert changes.</summary>
public interface IAlertService
{
    /// <summary>Alerts that match, newest first; a null state means every state.</summary>
    Task<IReadOnlyList<AlertView>> ListAsync(string project, AlertState? state, EntityKind? scope = null, string? entityId = null, string? ruleId = null, int limit = 1000);

    Task<AlertView?> FindAsync(string project, string alertId);

    /// <summary>Acknowledges an alert; null when it does not exist.</summary>
    Task<AlertView?> AcknowledgeAsync(string project, string alertId, string by, string? comment);

    /// <summary>Adds a silence (its id is given by the board).</summary>
    Task<Silence> AddSilenceAsync(string project, Silence silence);

    /// <summary>Silences that have not ended.</summary>
    Task<IReadOnlyList<Silence>> ListSilencesAsync(string project);

    /// <summary>Ends a silence now; false when it did not exist.</summary>
    Task<bool> ExpireSilenceAsync(string project, string silenceId);

    /// <summary>Pushes every alert change until disposed; <paramref name="onResynced"/> after an outage.</summary>
    IAsyncDisposable Subscribe(string project, Action<AlertView> onChanged, Action onResynced);
}

public sealed class AlertService(IClusterClient client, GrainCalls calls, Subscriptions subscriptions) : IAlertService
{
    public Task<IReadOnlyList<AlertView>> ListAsync(string project, AlertState? state, EntityKind? scope = null, string? entityId = null, string? ruleId = null, int limit = 1000) =>
        calls.RunAsync(() => Board(project).ListAsync(state, scope, entityId, ruleId, limit));

    public Task<AlertView?> FindAsync(string project, string alertId) =>
        calls.RunAsync(() => Board(project).FindAsync(alertId));

    public Task<AlertView?> AcknowledgeAsync(string project, string alertId, string by, string? comment) =>
        calls.RunAsync(() => Board(project).AcknowledgeAsync(alertId, by, comment));

    public Task<Silence> AddSilenceAsync(string project, Silence silence) =>
        calls.RunAsync(() => Board(project).AddSilenceAsync(silence));

    public Task<IReadOnlyList<Silence>> ListSilencesAsync(string project) =>
        calls.RunAsync(() => Board(project).ListSilencesAsync());

    public Task<bool> ExpireSilenceAsync(string project, string silenceId) =>
        calls.RunAsync(() => Board(project).ExpireSilenceAsync(silenceId));

    public IAsyncDisposable Subscribe(string project, Action<AlertView> onChanged, Action onResynced)
    {
        var board = Board(project);
        return subscriptions.Start<IAlertObserver>(new AlertObserver(onChanged), board.SubscribeAsync, board.UnsubscribeAsync, onResynced);
    }

    private IAlertBoardGrain Board(string project) => client.GetGrain<IAlertBoardGrain>(project);
}
