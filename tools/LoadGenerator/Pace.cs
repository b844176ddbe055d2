namespace AgentOps.LoadGenerator;

/// <summary>Small timing helpers for probes.</summary>
public static class Pace
{
    /// <summary>Waits; false once the load stops.</summary>
    public static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>Polls a condition every 2 ms for up to 10 s.</summary>
public static class Poll
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(2);
        }

        return false;
    }
}
