using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// Locks a user name out for a while after too many failed sign-ins in a row. It counts every name tried, existing or
/// not, so that a lockout never tells which names are real. In memory, per dashboard process.
/// </summary>
public sealed class SignInThrottle(TimeProvider time, IOptions<SignInOptions> options)
{
    /// <summary>The most user names tracked at once; beyond it the stalest are forgotten first.</summary>
    public const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How much longer <paramref name="name"/> is locked out, or null when it may try.</summary>
    public TimeSpan? LockedOutFor(string name)
    {
        if (!_byName.TryGetValue(name, out var failures) || failures.LockedUntil is not { } until)
        {
            return null;
        }

        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void RecordFailure(string name)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;

        Failures Next(Failures? previous)
        {
            // Failures long ago, or before a lockout that is over, start the count again.
            var count = previous is null || now - previous.Last > settings.LockoutDuration ? 1 : previous.Count + 1;
            return count >= settings.MaxFailedAttempts
                ? new Failures(0, now, now + settings.LockoutDuration)
                : new Failures(count, now, previous?.LockedUntil);
        }

        _byName.AddOrUpdate(name, _ => Next(null), (_, previous) => Next(previous));
        if (_byName.Count > MaxTracked)
        {
            Forget(now - settings.LockoutDuration);
        }
    }

    public void RecordSuccess(string name) => _byName.TryRemove(name, out _);

    private void Forget(DateTimeOffset staleBefore)
    {
        foreach (var (name, failures) in _byName)
        {
            if (failures.Last < staleBefore && (failures.LockedUntil is null || failures.LockedUntil < time.GetUtcNow()))
            {
                _byName.TryRemove(name, out _);
            }
        }

        var excess = _byName.Count - MaxTracked;
        foreach (var (name, _) in _byName.OrderBy(f => f.Value.Last).Take(Math.Max(0, excess)))
        {
            _byName.TryRemove(name, out _);
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset? LockedUntil);
}
