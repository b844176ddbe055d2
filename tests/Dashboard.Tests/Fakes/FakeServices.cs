using AgentOps.Alerts;
using AgentOps.Dashboard.Services;
using AgentOps.Entities;
using AgentOps.Fleet;
using AgentOps.Policy;
using AgentOps.Rules;
using AgentOps.Runs;

namespace AgentOps.Dashboard.Tests.Fakes;

/// <summary>A subscription a test can push through, as a grain observer would.</summary>
public sealed class FakeSubscription<T>(Action<T> onChanged, Action onResynced) : IAsyncDisposable
{
    public bool Disposed { get; private set; }

    public void Push(T change) => onChanged(change);

    public void Resync() => onResynced();

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

public sealed class FakeFleetService : IFleetService
{
    public Dictionary<EntityKind, List<EntitySummary>> Rows { get; } = new() { [EntityKind.Agent] = [], [EntityKind.Route] = [], [EntityKind.User] = [] };

    public List<FakeSubscription<IReadOnlyList<EntitySummary>>> Subscriptions { get; } = [];

    public int Reads { get; private set; }

    public Task<IReadOnlyList<EntitySummary>> GetAsync(string project, EntityKind kind)
    {
        Reads++;
        return Task.FromResult<IReadOnlyList<EntitySummary>>(Rows[kind].ToList());
    }

    public IAsyncDisposable Subscribe(string project, Action<IReadOnlyList<EntitySummary>> onChanged, Action onResynced)
    {
        var subscription = new FakeSubscription<IReadOnlyList<EntitySummary>>(onChanged, onResynced);
        Subscriptions.Add(subscription);
        return subscription;
    }
}

public sealed class FakeEntityService : IEntityService
{
    /// <summary>The snapshot answered per window (missing: null, an unknown entity).</summary>
    public Dictionary<TimeSpan, EntitySnapshot> Snapshots { get; } = [];

    public Dictionary<TimeSpan, IReadOnlyList<SeriesPoint>> Series { get; } = [];

    public List<RunSummary> Runs { get; } = [];

    public List<ViolationRecord> Violations { get; } = [];

    public List<TimeSpan> SnapshotWindows { get; } = [];

    public List<FakeSubscription<bool>> Subscriptions { get; } = [];

    public Exception? Failure { get; set; }

    public Task<EntitySnapshot?> GetSnapshotAsync(string project, EntityKind kind, string id, TimeSpan window)
    {
        SnapshotWindows.Add(window);
        return Failure is not null ? Task.FromException<EntitySnapshot?>(Failure) : Task.FromResult(Snapshots.GetValueOrDefault(window));
    }

    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string project, EntityKind kind, string id, TimeSpan window) =>
        Task.FromResult(Series.GetValueOrDefault(window) ?? []);

    public Task<IReadOnlyList<RunSummary>> GetRecentRunsAsync(string project, string agentId, int limit) =>
        Task.FromResult<IReadOnlyList<RunSummary>>(Runs.Take(limit).ToList());

    public Task<IReadOnlyList<ViolationRecord>> GetViolationsAsync(string project, string agentId, int limit) =>
        Task.FromResult<IReadOnlyList<ViolationRecord>>(Violations.Take(limit).ToList());

    public IAsyncDisposable Subscribe(string project, EntityKind kind, string id, Action onChanged, Action onResynced)
    {
        var subscription = new FakeSubscription<bool>(_ => onChanged(), onResynced);
        Subscriptions.Add(subscription);
        return subscription;
    }
}

public sealed class FakePolicyService : IPolicyService
{
    public AutonomyPolicy? Policy { get; set; }

    public List<PolicyDocument> Saved { get; } = [];

    public Task<AutonomyPolicy?> GetAsync(string project, string agentId) => Task.FromResult(Policy);

    public Task<IReadOnlyList<FieldError>> SaveAsync(string project, string agentId, PolicyDocument document)
    {
        var (policy, errors) = PolicyDocumentValidator.Validate(document);
        if (policy is not null)
        {
            Saved.Add(document);
            Policy = policy;
        }

        return Task.FromResult(errors);
    }
}

public sealed class FakeRunService : IRunService
{
    public Dictionary<string, RunTrajectory> Runs { get; } = [];

    public Task<RunTrajectory?> GetRunAsync(string project, string runId) => Task.FromResult(Runs.GetValueOrDefault(runId));
}

public sealed class FakeAlertService : IAlertService
{
    public List<AlertView> Alerts { get; } = [];

    public List<Silence> Silences { get; } = [];

    public List<(string AlertId, string By, string? Comment)> Acknowledged { get; } = [];

    public List<FakeSubscription<AlertView>> Subscriptions { get; } = [];

    public Task<IReadOnlyList<AlertView>> ListAsync(string project, AlertState? state, EntityKind? scope = null, string? entityId = null, string? ruleId = null, int limit = 1000) =>
        Task.FromResult<IReadOnlyList<AlertView>>(Alerts.Where(a => state is null || a.State == state).Take(limit).ToList());

    public Task<AlertView?> FindAsync(string project, string alertId) => Task.FromResult(Alerts.FirstOrDefault(a => a.AlertId == alertId));

    public Task<AlertView?> AcknowledgeAsync(string project, string alertId, string by, string? comment)
    {
        Acknowledged.Add((alertId, by, comment));
        var index = Alerts.FindIndex(a => a.AlertId == alertId);
        if (index < 0)
        {
            return Task.FromResult<AlertView?>(null);
        }

        Alerts[index] = Alerts[index] with { AcknowledgedBy = by, AckComment = comment };
        return Task.FromResult<AlertView?>(Alerts[index]);
    }

    public Task<Silence> AddSilenceAsync(string project, Silence silence)
    {
        var added = silence with { Id = $"si_{Silences.Count + 1}" };
        Silences.Add(added);
        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<Silence>> ListSilencesAsync(string project) => Task.FromResult<IReadOnlyList<Silence>>(Silences.ToList());

    public Task<bool> ExpireSilenceAsync(string project, string silenceId) => Task.FromResult(Silences.RemoveAll(s => s.Id == silenceId) > 0);

    public IAsyncDisposable Subscribe(string project, Action<AlertView> onChanged, Action onResynced)
    {
        var subscription = new FakeSubscription<AlertView>(onChanged, onResynced);
        Subscriptions.Add(subscription);
        return subscription;
    }
}

public sealed class FakeRuleService : IRuleService
{
    public List<AlertRule> Rules { get; } = [.. Data.DefaultRules];

    public List<string> Channels { get; } = ["ops-webhook"];

    public List<(string Id, RuleDocument Document)> Saved { get; } = [];

    public Task<RuleBook> GetAsync(string project) => Task.FromResult(new RuleBook(1, Rules.ToList()));

    public Task<IReadOnlyList<string>> ListChannelsAsync(string project) => Task.FromResult<IReadOnlyList<string>>(Channels.ToList());

    public Task<RuleSaveResult> SaveAsync(string project, string ruleId, RuleDocument document)
    {
        var (rule, errors) = RuleDocumentValidator.Validate(ruleId, document, Channels.ToHashSet());
        if (rule is not null)
        {
            Saved.Add((ruleId, document));
            Rules.RemoveAll(r => r.Id == ruleId);
            Rules.Add(rule);
        }

        return Task.FromResult(new RuleSaveResult(rule, errors));
    }

    public Task<bool> DeleteAsync(string project, string ruleId) => Task.FromResult(Rules.RemoveAll(r => r.Id == ruleId) > 0);
}

/// <summary>A connection whose state a test sets.</summary>
public sealed class FakeConnection : IClusterConnection
{
    public ConnectionStatus Status { get; private set; } = new(ConnectionState.Connected, DateTimeOffset.UnixEpoch, 0, null);

    public event Action<ConnectionStatus>? Changed;

    public void Set(ConnectionStatus status)
    {
        Status = status;
        Changed?.Invoke(status);
    }
}
