using AgentOps.Policy;

namespace AgentOps.Entities;

/// <summary>The most recent policy violations of an agent, bounded so a misbehaving agent cannot grow its state.</summary>
[GenerateSerializer]
public sealed class ViolationLog
{
    /// <summary>Records kept per agent.</summary>
    public const int Capacity = 1_000;

    [Id(0)] private readonly Queue<ViolationRecord> _records = new();

    public void Add(ViolationRecord record)
    {
        if (_records.Count >= Capacity)
        {
            _records.Dequeue();
        }

        _records.Enqueue(record);
    }

    /// <summary>The newest records first, by time then arrival.</summary>
    public IReadOnlyList<ViolationRecord> Newest(int limit) =>
        _records.Reverse().OrderByDescending(r => r.At).Take(limit).ToList();
}
