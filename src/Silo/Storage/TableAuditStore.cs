using System.Globalization;
using Azure.Data.Tables;
using AgentOps.Audit;

namespace AgentOps.Silo.Storage;

/// <summary>
/// The audit log in table <c>agentopsaudit</c>: one partition per project, row keys of inverted ticks so that a plain
/// scan reads newest first; rows are only ever inserted (never updated or deleted by the service).
/// </summary>
public sealed class TableAuditStore(AzureStorageAccount account) : IAuditStore
{
    public const string TableName = "agentopsaudit";

    private readonly RetryingLazy<TableClient> _table = account.Table(TableName);

    public async Task AppendAsync(string project, AuditEntry entry)
    {
        var table = await _table.Value;
        var row = new TableEntity(project, RowKey(entry.At) + "-" + Guid.NewGuid().ToString("N")[..8])
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Target"] = entry.Target,
            ["Detail"] = entry.Detail,
        };
        await table.AddEntityAsync(row);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(string project, AuditQuery query)
    {
        var table = await _table.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {project}");
        if (query.Before is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {RowKey(before) + "-~"}");
        }

        if (query.After is { } after)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (query.Action is { } action)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Action eq {action}");
        }

        if (query.Actor is { } actor)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Actor eq {actor}");
        }

        var entries = new List<AuditEntry>(query.Limit);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(query.Limit, 1000)))
        {
            entries.Add(new AuditEntry
            {
                At = row.GetDateTimeOffset("At") ?? default,
                Actor = row.GetString("Actor") ?? string.Empty,
                Action = row.GetString("Action") ?? string.Empty,
                Target = row.GetString("Target") ?? string.Empty,
                Detail = row.GetString("Detail"),
                Position = row.RowKey,
            });
            if (entries.Count == query.Limit)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Newest first: later times give smaller keys.</summary>
    private static string RowKey(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
