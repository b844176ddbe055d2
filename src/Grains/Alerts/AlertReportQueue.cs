namespace AgentOps.Alerts;

/// <summary>
/// An entity's alert changes on their way to the project's alert board, in order. The entity's tracker has moved on
/// once a change is made, so a report the board does not take (a storage hiccup) must not be dropped: it waits here,
/// with every later one, for the next judgement. The board ignores a revision it already has, so a repeat is harmless.
/// </summary>
public sealed class AlertReportQueue
{
    private readonly Queue<AlertView> _waiting = new();

    /// <summary>Reports not yet taken by the board.</summary>
    public int Count => _waiting.Count;

    public void Add(IEnumerable<AlertView> changes)
    {
        foreach (var change in changes)
        {
            _waiting.Enqueue(change);
        }
    }

    /// <summary>Reports in order until all are taken; a failure leaves it and the rest waiting, and is thrown.</summary>
    public async Task SendAsync(Func<AlertView, Task> report)
    {
        while (_waiting.TryPeek(out var next))
        {
            await report(next);
            _waiting.Dequeue();
        }
    }
}
