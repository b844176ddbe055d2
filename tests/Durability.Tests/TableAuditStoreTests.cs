using AgentOps.Audit;
using AgentOps.Silo.Hosting;
using AgentOps.Silo.Storage;
using AgentOps.Silo.Telemetry;

namespace AgentOps.Durability.Tests;

/// <summary>The AzureStorage audit log against a real Azurite: newest first, filters, and a cursor that survives equal timestamps.</summary>
public sealed class TableAuditStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private AzuriteInstance _azurite = null!;
    private TableAuditStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _store = new TableAuditStore(new AzureStorageAccount(new StorageConnectionOptions { ConnectionString = _azurite.ConnectionString }, new SiloCounters()));
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Entries_read_newest_first_filter_by_action_and_actor_and_page_on_with_the_cursor()
    {
        await _store.AppendAsync("p1", Entry(At, "key:a", AuditActions.RulePut, "rule/one"));
        foreach (var i in Enumerable.Range(0, 4))
        {
            await _store.AppendAsync("p1", Entry(At.AddMinutes(1), "user:ann", AuditActions.AlertAck, $"alert/{i}")); // one timestamp for all four
        }

        await _store.AppendAsync("p2", Entry(At, "key:b", AuditActions.KeyCreate, "key/x"));

        var first = await _store.QueryAsync("p1", new AuditQuery { Limit = 3 });
        var rest = await _store.QueryAsync("p1", new AuditQuery { Limit = 3, After = first[^1].Position });
        Assert.Equal(5, first.Concat(rest).Select(e => e.Target).Distinct().Count());
        Assert.Equal("rule/one", rest[^1].Target);
        Assert.Equal(["rule/one"], (await _store.QueryAsync("p1", new AuditQuery { Action = AuditActions.RulePut })).Select(e => e.Target));
        Assert.Equal(4, (await _store.QueryAsync("p1", new AuditQuery { Actor = "user:ann" })).Count);
        Assert.Equal(["rule/one"], (await _store.QueryAsync("p1", new AuditQuery { Before = At.AddMinutes(1) })).Select(e => e.Target));
        Assert.Equal(["key/x"], (await _store.QueryAsync("p2", new AuditQuery())).Select(e => e.Target));
    }

    private static AuditEntry Entry(DateTimeOffset at, string actor, string action, string target) => new() { At = at, Actor = actor, Action = action, Target = target };
}
