using AgentOps.Fleet;
using AgentOps.Rules;
using MudBlazor;

namespace AgentOps.Dashboard.Components;

/// <summary>
/// The order and filter of the fleet grid: rows with firing alerts first (critical, then warning, then info), then the
/// person's sort (cost per hour, highest first, by default). Computed once per change of rows, sort or filter, and
/// sliced for the virtualized grid, so 10,000 rows cost one sort, not one per scroll.
/// </summary>
public sealed class FleetView
{
    private IReadOnlyList<EntitySummary> _rows = [];
    private List<EntitySummary> _ordered = [];
    private string _key = string.Empty;
    private long _version;
    private long _orderedVersion = -1;

    /// <summary>The rank that pins a row: 0 critical, 1 warning, 2 info, 3 nothing firing.</summary>
    public static int PinRank(EntitySummary row) => row.FiringAlerts > 0 && row.TopSeverity is { } s ? (int)s : 3;

    /// <summary>The CSS class of a row: its firing severity, if any.</summary>
    public static string RowClass(EntitySummary row) =>
        row.FiringAlerts > 0 && row.TopSeverity is { } s ? $"fleet-row sev-{s.Name()}" : "fleet-row";

    /// <summary>The rows after the filter, in display order.</summary>
    public IReadOnlyList<EntitySummary> Ordered => _ordered;

    public void SetRows(IReadOnlyList<EntitySummary> rows)
    {
        _rows = rows;
        _version++;
    }

    /// <summary>The rows to show for a sort and filter, computed again only when something changed.</summary>
    public IReadOnlyList<EntitySummary> Apply(IEnumerable<SortDefinition<EntitySummary>> sorts, string? search, bool firingOnly)
    {
        var sortList = sorts.OrderBy(s => s.Index).ToList();
        var key = string.Join('|', sortList.Select(s => $"{s.SortBy}:{s.Descending}")) + "#" + search + "#" + firingOnly;
        if (key == _key && _orderedVersion == _version)
        {
            return _ordered;
        }

        IEnumerable<EntitySummary> rows = _rows;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            rows = rows.Where(r => r.Id.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        if (firingOnly)
        {
            rows = rows.Where(r => r.FiringAlerts > 0);
        }

        IOrderedEnumerable<EntitySummary> ordered = rows.OrderBy(PinRank);
        if (sortList.Count == 0)
        {
            ordered = ordered.ThenByDescending(r => r.CostPerHour);
        }

        foreach (var sort in sortList)
        {
            IComparer<object?> comparer = sort.Comparer ?? Comparer<object?>.Default;
            var func = sort.SortFunc;
            ordered = sort.Descending ? ordered.ThenByDescending(func, comparer) : ordered.ThenBy(func, comparer);
        }

        _ordered = ordered.ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        _key = key;
        _orderedVersion = _version;
        return _ordered;
    }
}
