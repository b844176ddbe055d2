using System.Buffers;

namespace AgentOps.Redaction;

/// <summary>A span of text to replace: <c>[Start, End)</c>, and the index of its replacement.</summary>
internal readonly record struct Finding(int Start, int End, int Kind);

/// <summary>
/// Findings of one scan: on the caller's stack first, in a pooled array past that, so a scan that finds nothing (the
/// common case) or a few things allocates nothing.
/// </summary>
internal ref struct FindingBuffer
{
    private Span<Finding> _items;
    private Finding[]? _rented;

    public FindingBuffer(Span<Finding> initial)
    {
        _items = initial;
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<Finding> Items => _items[..Count];

    public void Add(Finding finding)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = finding;
    }

    /// <summary>Orders the findings by start and merges overlapping ones (the earliest, then longest, then first detector gives the type).</summary>
    public void Normalize()
    {
        if (Count < 2)
        {
            return;
        }

        var items = _items[..Count];
        items.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End) : a.Kind.CompareTo(b.Kind));
        var kept = 0;
        for (var i = 1; i < items.Length; i++)
        {
            var current = items[kept];
            var next = items[i];
            if (next.Start < current.End)
            {
                if (next.End > current.End)
                {
                    items[kept] = current with { End = next.End };
                }
            }
            else
            {
                items[++kept] = next;
            }
        }

        Count = kept + 1;
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<Finding>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<Finding>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items.CopyTo(bigger);
        if (_rented is not null)
        {
            ArrayPool<Finding>.Shared.Return(_rented);
        }

        _rented = bigger;
        _items = bigger;
    }
}
