using AgentOps.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace AgentOps.Fleet;

/// <summary>
/// A project's fleet overview: every entity's row, and the push of changed rows to subscribed dashboards every 250 ms.
/// A row whose entity has been quiet for an hour is answered with its hourly figures at zero (its last hour is empty).
/// </summary>
public sealed class FleetGrain(
    [PersistentState("fleet", StorageNames.LargeState)] IPersistentState<FleetState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time,
    ILogger<FleetGrain> logger)
    : Grain, IFleetGrain
{
    private static readonly TimeSpan PushEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(30);

    private readonly ObserverManager<IFleetObserver> _observers = new(FleetGrainLimits.ObserverLifetime, logger);
    private readonly Dictionary<(EntityKind, string), EntitySummary> _unpushed = [];
    private GrainThrottle? _push;
    private GrainThrottle? _save;

    public Task<IReadOnlyList<EntitySummary>> GetAsync(EntityKind kind)
    {
        var now = time.GetUtcNow();
        var rows = state.State.Rows.TryGetValue(kind, out var byId) ? byId.Values.Select(r => Decayed(r, now)).ToList() : [];
        return Task.FromResult<IReadOnlyList<EntitySummary>>(rows);
    }

    public async Task PublishAsync(IReadOnlyList<EntitySummary> changed)
    {
        foreach (var row in changed)
        {
            if (!state.State.Rows.TryGetValue(row.Kind, out var byId))
            {
                byId = new Dictionary<string, EntitySummary>(StringComparer.Ordinal);
                state.State.Rows[row.Kind] = byId;
            }

            byId[row.Id] = row;
            _unpushed[(row.Kind, row.Id)] = row;
        }

        _save ??= new GrainThrottle(this, SaveEvery, () => state.WriteStateAsync());
        await _save.RunSoonAsync();
        if (_observers.Count > 0)
        {
            _push ??= new GrainThrottle(this, PushEvery, PushAsync);
            await _push.RunSoonAsync();
        }
        else
        {
            _unpushed.Clear();
        }
    }

    public Task SubscribeAsync(IFleetObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IFleetObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await state.WriteStateAsync(CancellationToken.None);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private Task PushAsync()
    {
        if (_unpushed.Count > 0)
        {
            var batch = _unpushed.Values.ToList();
            _unpushed.Clear();
            _observers.Notify(o => o.OnFleetChanged(batch));
        }

        return Task.CompletedTask;
    }

    private static EntitySummary Decayed(EntitySummary row, DateTimeOffset now) =>
        row.LastEventAt is { } last && now - last > TimeSpan.FromHours(1)
            ? row with { CostPerHour = 0, CostPerSuccessfulRun = 0, Runs = 0, RetryRate = 0, ErrorRate = 0, EvalScore = 0, EvalCount = 0, Violations = 0, CostTrend = new double[row.CostTrend.Count] }
            : row;
}
