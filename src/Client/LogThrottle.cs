namespace AgentOps.Client;

/// <summary>Lets one log entry through per interval and counts the ones it held back; thread-safe and allocation-free.</summary>
internal sealed class LogThrottle(TimeProvider time, TimeSpan interval)
{
    private long _lastTimestamp;
    private long _suppressed;

    /// <summary>True when an entry may be written now; <paramref name="suppressed"/> is how many were held back since the last one.</summary>
    public bool ShouldLog(out long suppressed)
    {
        var now = time.GetTimestamp();
        var last = Volatile.Read(ref _lastTimestamp);
        if ((last != 0 && time.GetElapsedTime(last, now) < interval) || Interlocked.CompareExchange(ref _lastTimestamp, now == 0 ? 1 : now, last) != last)
        {
            Interlocked.Increment(ref _suppressed);
            suppressed = 0;
            return false;
        }

        suppressed = Interlocked.Exchange(ref _suppressed, 0);
        return true;
    }
}
