using System.Security.Cryptography;
using AgentOps.Entities;
using AgentOps.Notifications;
using AgentOps.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace AgentOps.Alerts;

/// <summary>
/// A project's alert board: the open alerts and the last <see cref="HistoryKept"/> resolved ones, acknowledgements,
/// silences, and the hand-off of fire and resolve notifications to the rules' channels. Silences mute
/// notifications only; the alerts themselves still open, fire and resolve. An alert still firing when the silence
/// that muted its fire ends is notified then (as Alertmanager does), and a resolve whose fire was never sent is not.
/// </summary>
public sealed partial class AlertBoardGrain(
    [PersistentState("alerts", StorageNames.LargeState)] IPersistentState<AlertBoardState> board,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    IOptions<RulesOptions> rules,
    ILogger<AlertBoardGrain> logger)
    : Grain, IAlertBoardGrain
{
    public const int HistoryKept = 5_000;

    private ObserverManager<IAlertObserver>? _observers;
    private IGrainTimer? _unmuteTimer;

    private string Project => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        UpdateUnmuteTimer();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task ReportAsync(AlertView alert)
    {
        var known = board.State.Open.GetValueOrDefault(alert.AlertId);
        if (known is not null && known.Revision >= alert.Revision)
        {
            return; // an older report that arrived late
        }

        var wasFiring = known?.State == AlertState.Firing;
        alert = alert with
        {
            AcknowledgedBy = alert.AcknowledgedBy ?? known?.AcknowledgedBy,
            AckComment = alert.AckComment ?? known?.AckComment,
            AcknowledgedAt = alert.AcknowledgedAt ?? known?.AcknowledgedAt,
        };

        if (alert.State == AlertState.Resolved)
        {
            board.State.Open.Remove(alert.AlertId);
            if (alert.FiredAt is not null)
            {
                AddToHistory(alert);
            }
        }
        else
        {
            board.State.Open[alert.AlertId] = alert;
        }

        var fired = alert.State == AlertState.Firing && !wasFiring;
        var resolved = alert.State == AlertState.Resolved && alert.FiredAt is not null;
        var send = false;
        if (fired || resolved)
        {
            // A resolve whose fire a silence kept back is not sent either: the receivers never heard of the alert.
            var fireUnsent = resolved && board.State.UnsentFires.Remove(alert.AlertId);
            send = !fireUnsent && !IsMuted(alert);
            if (!send)
            {
                board.State.Muted++;
                LogMuted(Project, alert.AlertId, alert.State);
                if (fired)
                {
                    board.State.UnsentFires.Add(alert.AlertId);
                }
            }
        }

        await SaveAsync();
        UpdateUnmuteTimer();
        _observers?.Notify(o => o.OnAlertChanged(alert));
        if (send)
        {
            await SendAsync(alert);
        }
    }

    public Task<IReadOnlyList<AlertView>> ListAsync(AlertState? state, EntityKind? scope, string? entityId, string? ruleId, int limit)
    {
        IEnumerable<AlertView> alerts = state switch
        {
            AlertState.Resolved => board.State.History.Reverse(),
            null => board.State.Open.Values.OrderByDescending(a => a.StartsAt).Concat(board.State.History.Reverse()),
            _ => board.State.Open.Values.Where(a => a.State == state).OrderByDescending(a => a.StartsAt),
        };
        var matching = alerts.Where(a =>
            (scope is null || a.Scope == scope) && (entityId is null || a.EntityId == entityId) && (ruleId is null || a.RuleId == ruleId));
        return Task.FromResult<IReadOnlyList<AlertView>>(matching.Take(limit).ToList());
    }

    public Task<AlertView?> FindAsync(string alertId) =>
        Task.FromResult(board.State.Open.GetValueOrDefault(alertId) ?? board.State.History.FirstOrDefault(a => a.AlertId == alertId));

    public async Task<AlertView?> AcknowledgeAsync(string alertId, string by, string? comment)
    {
        var alert = await FindAsync(alertId);
        if (alert is null)
        {
            return null;
        }

        var acknowledged = alert with { AcknowledgedBy = by, AckComment = comment, AcknowledgedAt = time.GetUtcNow() };
        if (board.State.Open.ContainsKey(alertId))
        {
            board.State.Open[alertId] = acknowledged;
        }
        else
        {
            board.State.History = new Queue<AlertView>(board.State.History.Select(a => a.AlertId == alertId ? acknowledged : a));
        }

        await SaveAsync();
        _observers?.Notify(o => o.OnAlertChanged(acknowledged));
        await EntityGrainsOf(acknowledged).AcknowledgeAlertAsync(alertId, by, comment);
        return acknowledged;
    }

    public async Task<Silence> AddSilenceAsync(Silence silence)
    {
        var now = time.GetUtcNow();
        var added = silence with { Id = "si_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        board.State.Silences.RemoveAll(s => s.EndsAt <= now);
        board.State.Silences.Add(added);
        await SaveAsync();
        return added;
    }

    public Task<IReadOnlyList<Silence>> ListSilencesAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Silence>>(board.State.Silences.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).ToList());
    }

    public async Task<bool> ExpireSilenceAsync(string silenceId)
    {
        var index = board.State.Silences.FindIndex(s => s.Id == silenceId);
        if (index < 0)
        {
            return false;
        }

        board.State.Silences[index] = board.State.Silences[index] with { EndsAt = time.GetUtcNow() };
        await SaveAsync();
        await SendUnmutedFiresAsync();
        return true;
    }

    public Task SubscribeAsync(IAlertObserver observer)
    {
        (_observers ??= new ObserverManager<IAlertObserver>(Fleet.FleetGrainLimits.ObserverLifetime, logger)).Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IAlertObserver observer)
    {
        _observers?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task RegisterChannelAsync(string name)
    {
        if (board.State.Channels.Add(name))
        {
            await SaveAsync();
        }
    }

    public async Task UnregisterChannelAsync(string name)
    {
        if (board.State.Channels.Remove(name))
        {
            await SaveAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListChannelsAsync() => Task.FromResult<IReadOnlyList<string>>(board.State.Channels.ToList());

    /// <summary>
    /// Stores the board. A write that fails leaves memory ahead of storage: the activation is dropped, so the caller's
    /// retry (an entity re-sends a report the board did not take) meets the stored board, not one that already has it.
    /// </summary>
    private async Task SaveAsync()
    {
        try
        {
            await board.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private bool IsMuted(AlertView alert)
    {
        var now = time.GetUtcNow();
        return board.State.Silences.Any(s => s.Mutes(alert, now));
    }

    /// <summary>
    /// Looks for silences that ended every judge interval while a muted fire waits, keeping the board alive meanwhile: an
    /// alert that fires steadily sends the board nothing, so an idle board collected with a fire waiting would keep it.
    /// </summary>
    private void UpdateUnmuteTimer()
    {
        if (board.State.UnsentFires.Count > 0)
        {
            var every = rules.Value.JudgeInterval;
            _unmuteTimer ??= this.RegisterGrainTimer(SendUnmutedFiresAsync, new GrainTimerCreationOptions(every, every) { Interleave = false, KeepAlive = true });
        }
        else if (_unmuteTimer is not null)
        {
            _unmuteTimer.Dispose();
            _unmuteTimer = null;
        }
    }

    /// <summary>Sends the fires a silence muted whose alerts still fire and are no longer muted; forgets those that ended.</summary>
    private async Task SendUnmutedFiresAsync()
    {
        if (board.State.UnsentFires.Count == 0)
        {
            return;
        }

        var due = new List<AlertView>();
        var forgotten = 0;
        foreach (var alertId in board.State.UnsentFires.ToList())
        {
            var alert = board.State.Open.GetValueOrDefault(alertId);
            if (alert is not { State: AlertState.Firing } || !IsMuted(alert))
            {
                board.State.UnsentFires.Remove(alertId);
                forgotten++;
                if (alert is { State: AlertState.Firing })
                {
                    due.Add(alert);
                }
            }
        }

        if (forgotten == 0)
        {
            return;
        }

        await SaveAsync();
        UpdateUnmuteTimer();
        foreach (var alert in due)
        {
            await SendAsync(alert);
        }
    }

    private async Task SendAsync(AlertView alert)
    {
        foreach (var channel in alert.Channels)
        {
            try
            {
                await GrainFactory.GetGrain<INotificationChannelGrain>(GrainKeys.For(Project, channel)).EnqueueAsync(alert);
            }
            catch (Exception ex)
            {
                LogEnqueueFailed(ex, Project, channel, alert.AlertId);
            }
        }
    }

    private void AddToHistory(AlertView alert)
    {
        board.State.History.Enqueue(alert);
        while (board.State.History.Count > HistoryKept)
        {
            board.State.History.Dequeue();
        }
    }

    private IMonitoredEntityGrain EntityGrainsOf(AlertView alert)
    {
        var key = GrainKeys.For(Project, alert.EntityId);
        return alert.Scope switch
        {
            EntityKind.Route => GrainFactory.GetGrain<IRouteGrain>(key),
            EntityKind.User => GrainFactory.GetGrain<IUserGrain>(key),
            _ => GrainFactory.GetGrain<IAgentGrain>(key),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {Project}: alert {AlertId} ({State}) muted by a silence")]
    private partial void LogMuted(string project, string alertId, AlertState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project {Project}: channel {Channel} did not take alert {AlertId}")]
    private partial void LogEnqueueFailed(Exception error, string project, string channel, string alertId);
}
