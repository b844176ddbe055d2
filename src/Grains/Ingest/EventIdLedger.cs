namespace AgentOps.Ingest;

/// <summary>
/// Remembers, per event id hash, which chunk first claimed the id and whether the id has been counted. It answers
/// two questions: is an id in a newly published chunk a duplicate of an earlier chunk (for the ingest response),
/// and has an id already been counted (the authoritative drop when the stream delivers it). Memory is bounded:
/// ids live in a few generations and the oldest generation is dropped once the horizon or the id budget is used.
/// </summary>
public sealed class EventIdLedger(TimeSpan horizon, int maxIds)
{
    private const int Generations = 4;
    private const long ProcessedFlag = 1;

    private readonly LinkedList<Generation> _generations = new();

    /// <summary>Ids remembered now.</summary>
    public int Count => _generations.Sum(g => g.Ids.Count);

    /// <summary>
    /// Claims the ids for chunk <paramref name="tag"/> and answers the positions of those another chunk claimed first.
    /// </summary>
    public int[] RegisterPublished(long tag, ReadOnlySpan<ulong> ids, DateTimeOffset now)
    {
        List<int>? duplicates = null;
        for (var i = 0; i < ids.Length; i++)
        {
            if (TryFind(ids[i], out var value))
            {
                if (TagOf(value) != tag)
                {
                    (duplicates ??= []).Add(i);
                }
            }
            else
            {
                Current(now).Ids[ids[i]] = tag << 1;
            }
        }

        return duplicates?.ToArray() ?? [];
    }

    /// <summary>True when the id was counted before.</summary>
    public bool IsProcessed(ulong id) => TryFind(id, out var value) && (value & ProcessedFlag) != 0;

    /// <summary>Counts the id for chunk <paramref name="tag"/>; false when it was counted before (a duplicate).</summary>
    public bool TryMarkProcessed(ulong id, long tag, DateTimeOffset now)
    {
        foreach (var generation in _generations)
        {
            if (generation.Ids.TryGetValue(id, out var value))
            {
                if ((value & ProcessedFlag) != 0)
                {
                    return false;
                }

                generation.Ids[id] = (tag << 1) | ProcessedFlag;
                return true;
            }
        }

        Current(now).Ids[id] = (tag << 1) | ProcessedFlag;
        return true;
    }

    private bool TryFind(ulong id, out long value)
    {
        foreach (var generation in _generations)
        {
            if (generation.Ids.TryGetValue(id, out value))
            {
                return true;
            }
        }

        value = 0;
        return false;
    }

    private Generation Current(DateTimeOffset now)
    {
        var current = _generations.First?.Value;
        if (current is null || now - current.OpenedAt >= horizon / Generations || current.Ids.Count >= maxIds / Generations)
        {
            current = new Generation(now);
            _generations.AddFirst(current);
            while (_generations.Count > Generations)
            {
                _generations.RemoveLast();
            }
        }

        return current;
    }

    private static long TagOf(long value) => value >> 1;

    private sealed class Generation(DateTimeOffset openedAt)
    {
        public DateTimeOffset OpenedAt { get; } = openedAt;
        public Dictionary<ulong, long> Ids { get; } = [];
    }
}
